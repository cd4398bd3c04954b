package vn.tiendo.platform.security;

import vn.tiendo.events.common.TextRules;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;

/**
 * Request bodies are read by a copy of the application's JSON mapper that refuses control characters and overlong
 * strings in every field (naming the field), bounds nesting and number length, and stores text composed (NFC). Only request bodies: events already
 * stored are read by Axon's own mapper, unchanged, so that no history becomes unreadable.
 */
@Configuration
public class HardenedJson implements WebMvcConfigurer {

    static final int MAX_NESTING = 32;
    static final int MAX_NUMBER_LENGTH = 100;

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(harden(json.getObjectMapper()));
            }
        }
    }

    public static ObjectMapper harden(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(TextRules.MAX_ANY_TEXT * 4)
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        copy.registerModule(new SimpleModule("tiendo-safe-text").addDeserializer(String.class, new SafeStringDeserializer()));
        return copy;
    }

    /** Strings as Jackson reads them, then checked against {@link TextRules}. */
    static final class SafeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            if (value.length() > TextRules.MAX_ANY_TEXT) {
                throw refused(p, "is longer than " + TextRules.MAX_ANY_TEXT + " characters");
            }
            var violation = TextRules.violationOf(value);
            if (violation.isPresent()) {
                throw refused(p, violation.get());
            }
            // one spelling per text: Vietnamese typed decomposed (NFD, as macOS and some forms send it) is stored
            // composed, so the same name in either form is the same name in every event, comparison and export
            return Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
        }

        private static JsonMappingException refused(JsonParser p, String message) {
            return JsonMappingException.from(p, message, new IllegalArgumentException(message));
        }
    }
}
