package vn.tiendo.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import vn.tiendo.events.indicator.IndicatorLinked;
import vn.tiendo.events.indicator.IndicatorUnlinked;
import vn.tiendo.events.upcasting.EventUpcasters;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored events of an older revision read through the contract's upcasters, in their current shape. */
class UpcastersTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();

    @Test
    void aLinkAndAnUnlinkOfRevisionOneCountForEveryPeriod() {
        IndicatorLinked linked = (IndicatorLinked) read(IndicatorLinked.class, """
                {"indicatorId":"KH-TU-SON-NQ57.1.1","implementsIndicatorId":"QD-1305-2025.C.16","weight":12,"reason":"kế hoạch cấp dưới"}""");
        assertThat(linked).isEqualTo(new IndicatorLinked("KH-TU-SON-NQ57.1.1", "QD-1305-2025.C.16", new BigDecimal("12"), "kế hoạch cấp dưới", null));
        IndicatorUnlinked unlinked = (IndicatorUnlinked) read(IndicatorUnlinked.class, """
                {"indicatorId":"KH-TU-SON-NQ57.1.1","implementsIndicatorId":"QD-1305-2025.C.16","reason":"sắp xếp lại"}""");
        assertThat(unlinked.effectiveFrom()).isNull();
        assertThat(unlinked.reason()).isEqualTo("sắp xếp lại");
    }

    private Object read(Class<?> type, String revisionOnePayload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Indicator", "KH-TU-SON-NQ57.1.1", 3, "e-1",
                "2025-10-30T01:00:00Z", type.getName(), "1", revisionOnePayload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        Stream<IntermediateEventRepresentation> upcast = Stream.of(new InitialEventRepresentation(stored, serializer));
        for (var upcaster : EventUpcasters.all()) {
            upcast = upcaster.upcast(upcast);
        }
        IntermediateEventRepresentation current = upcast.findFirst().orElseThrow();
        assertThat(current.getType().getRevision()).as("read as the current revision").isEqualTo("2");
        return serializer.deserialize(current.getData());
    }
}
