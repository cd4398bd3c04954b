package vn.tiendo.query.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.tiendo.platform.security.InternalCalls;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.SecuritySettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Sends the pages' forms to the command side's API as the signed-in person ({@link InternalCalls}): the command
 * side checks them with the same roles, scope and rules as any API call, and its answer (the new version, or a
 * problem naming the field) comes back to the page.
 */
@Component
public class CommandClient {

    /** The command side's answer: its status and body (CommandAccepted or a problem). */
    public record Answer(int status, JsonNode body) {
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private final InternalCalls calls;
    private final String commandSide;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public CommandClient(SecuritySettings settings, @Value("${tiendo.command-side.url:http://127.0.0.1:8080}") String commandSide,
                         ObjectMapper json) {
        this.calls = settings.internalKey() == null ? null : new InternalCalls(settings.internalKey(), Clock.systemUTC());
        this.commandSide = commandSide;
        this.json = json;
    }

    /**
     * A file sent as the form field {@code file} of a multipart request (the importer's API). The file name is sent
     * in ASCII (accents dropped) so that every server reads it the same way; the file's hash names it in the events.
     */
    public Answer postFile(String path, String fileName, byte[] content) {
        if (calls == null) {
            return new Answer(503, json.createObjectNode().put("detail",
                    "the pages cannot send commands: TIENDO_INTERNAL_KEY is not set on both services"));
        }
        String boundary = "tiendo-" + UUID.randomUUID();
        String asciiName = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D')
                .replaceAll("[^A-Za-z0-9._-]", "_");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + asciiName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(commandSide + path))
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .header(InternalCalls.HEADER, calls.sign(PlatformUser.current()))
                            .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank() ? null : json.readTree(text));
        } catch (IOException e) {
            return new Answer(503, json.createObjectNode().put("detail", "the command side did not answer: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, json.createObjectNode().put("detail", "interrupted"));
        }
    }

    public Answer post(String path, Object body) {
        if (calls == null) {
            return new Answer(503, json.createObjectNode().put("detail",
                    "the pages cannot send commands: TIENDO_INTERNAL_KEY is not set on both services"));
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(commandSide + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header(InternalCalls.HEADER, calls.sign(PlatformUser.current()))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            return new Answer(response.statusCode(), text == null || text.isBlank() ? null : json.readTree(text));
        } catch (IOException e) {
            return new Answer(503, json.createObjectNode().put("detail", "the command side did not answer: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, json.createObjectNode().put("detail", "interrupted"));
        }
    }
}
