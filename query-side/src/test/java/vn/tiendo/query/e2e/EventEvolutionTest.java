package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.task.TaskAssigned;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * Schema evolution: an indicator and a task defined by revision 1 events (stored byte for byte as revision 1 wrote
 * them, before {@code groupPath} existed, and sealed into the hash chain as then) are read through the upcaster by
 * the command side's aggregates, the query side's projections and the auditors' readers; the stored rows stay as
 * they were, so the chain still verifies.
 */
class EventEvolutionTest {

    private static final String DATABASE = "tiendo_test_evolution";
    private static final String A1 = "QD-1305-2025.A.1";
    private static final String NV40 = "QD-1305-2025.NV-40";
    private static final Http http = new Http();
    private static Platform platform;
    private static byte[] indicatorV1;

    @BeforeAll
    static void anIndicatorAndATaskDefinedByRevision1Events() throws Exception {
        platform = Platform.start(DATABASE, null);
        platform.registerStrategyPlan(http);
        indicatorV1 = resource("events-v1/IndicatorDefined.json");
        storeRevision1(A1, "Indicator", IndicatorDefined.class.getName(), indicatorV1);
        storeRevision1(NV40, "Task", TaskAssigned.class.getName(), resource("events-v1/TaskAssigned.json"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void recordsDefinedByRevision1EventsTakeNewCommands() {
        created(http.post(platform.commands + "/api/indicators/" + A1 + "/reports", """
                {"period":"2025-09","value":{"kind":"PERCENT","value":40}}"""));
        created(http.post(platform.commands + "/api/tasks/" + NV40 + "/reports", """
                {"period":"2025-09","percentComplete":30}"""));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get(platform.queries + "/api/indicators/" + A1).body().path("value").path("value").asInt() == 40);
    }

    @Test
    void projectionsAndAuditorsReadThemInTheirCurrentShapeAndTheChainStillHolds() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(platform.queries + "/api/indicators/" + A1).status() == 200
                && http.get(platform.queries + "/api/tasks/" + NV40).status() == 200);
        JsonNode indicator = http.get(platform.queries + "/api/indicators/" + A1).body();
        assertThat(indicator.path("name").asText()).isEqualTo("Tỷ lệ phủ sóng 5G trên địa bàn");
        assertThat(indicator.path("groupPath").isArray()).isTrue();
        assertThat(indicator.path("groupPath")).isEmpty();
        assertThat(http.get(platform.queries + "/api/tasks/" + NV40).body().path("groupPath").isArray()).isTrue();

        JsonNode history = http.as("kiem-toan").get(platform.queries + "/api/audit/history/" + A1).body();
        assertThat(history.findValuesAsText("eventType")).contains("IndicatorDefined");
        assertThat(http.as("kiem-toan").get(platform.queries + "/api/audit/verification").body().path("intact").asBoolean()).isTrue();

        // the stored row is never rewritten: still revision 1, the same bytes
        try (Connection c = database();
             PreparedStatement s = c.prepareStatement("select payload_revision, payload from event_store.domain_event_entry "
                     + "where aggregate_identifier = ? and sequence_number = 0")) {
            s.setString(1, A1);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("1");
                assertThat(rs.getBytes(2)).isEqualTo(indicatorV1);
            }
        }
    }

    /** A revision 1 event as the command side stored and sealed it then. */
    private static void storeRevision1(String aggregateId, String aggregateType, String payloadType, byte[] payload) throws Exception {
        try (Connection c = database()) {
            SealedEvents.append(c, aggregateId, aggregateType, payloadType, "1", new String(payload, StandardCharsets.UTF_8),
                    "2025-10-30T01:00:00.000Z");
        }
    }

    private static byte[] resource(String path) throws Exception {
        try (InputStream in = EventEvolutionTest.class.getClassLoader().getResourceAsStream(path)) {
            // the files end with the line break psql printed; the stored payload did not
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
    }
}
