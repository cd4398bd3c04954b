package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.shared.EventHash;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * A database administrator edits, deletes and reorders events directly in PostgreSQL; the verification finds each
 * and names the event. Each test puts the store back as it was, and the untouched store verifies.
 */
class TamperEvidenceTest {

    private static final String A1 = "QD-1305-2025.A.1";
    private static final String A2 = "QD-1305-2025.A.2";
    private static Platform platform;
    private static JdbcTemplate db;
    private static final Http http = new Http();

    @BeforeAll
    static void recordSomeHistory() throws Exception {
        platform = Platform.start("tiendo_test_tamper", null);
        db = platform.querySide.getBean(JdbcTemplate.class);
        // the administrator owns the table and so can switch off its append-only trigger first (InsiderTamperingTest)
        db.execute("alter table event_store.domain_event_entry disable trigger events_are_facts");
        String c = platform.commands;
        platform.registerStrategyPlan(http);
        for (String[] indicator : new String[][]{{A1, "A.1", "Tỷ lệ phủ sóng 5G trên địa bàn"},
                {A2, "A.2", "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s."}}) {
            created(http.post(c + "/api/indicators", """
                    {"indicatorId":"%s","planId":"QD-1305-2025","code":"%s","name":"%s","unit":"%%","measure":{"kind":"PERCENT"},
                     "direction":"INCREASE","targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":60},"asWritten":"≥ 60%%"}],
                     "leadAgencyId":"so-khcn","monitoringAgencyId":"so-khcn"}""".formatted(indicator[0], indicator[1], indicator[2])));
        }
        for (String month : new String[]{"2025-11", "2025-12", "2026-01"}) {
            created(http.post(c + "/api/indicators/" + A1 + "/reports", """
                    {"period":"%s","value":{"kind":"PERCENT","value":55}}""".formatted(month)));
        }
        created(http.post(c + "/api/indicators/" + A2 + "/reports", """
                {"period":"2025-11","value":{"kind":"PERCENT","value":42}}"""));
        // an auditor seals what was recorded: the checkpoint that catches the loss of a stream's last event
        assertThat(http.as("kiem-toan").post(platform.queries + "/api/audit/checkpoints", "").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theUntouchedStoreVerifiesAndEveryEventIsSealed() {
        JsonNode report = verify();
        assertThat(report.path("intact").asBoolean()).isTrue();
        assertThat(report.path("eventsCovered").asLong()).isEqualTo(db.queryForObject("select count(*) from event_store.domain_event_entry", Long.class));
        assertThat(db.queryForObject("select count(*) from event_store.domain_event_entry "
                + "where convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' ~ '^[0-9a-f]{64}$'", Long.class))
                .isEqualTo(report.path("eventsCovered").asLong());
    }

    @Test
    void aCheckpointIsMadeAndCanBeCheckedFromOutside() {
        Http.Response made = http.as("kiem-toan").post(platform.queries + "/api/audit/checkpoints", "");
        assertThat(made.status()).isEqualTo(201);
        JsonNode checkpoint = made.body().path("checkpoint");
        assertThat(made.body().path("statement").asText()).contains("gốc Merkle SHA-256 " + checkpoint.path("merkleRoot").asText());
        String query = "?upToGlobalIndex=" + checkpoint.path("upToGlobalIndex").asLong() + "&eventCount=" + checkpoint.path("eventCount").asLong();
        assertThat(http.get(platform.queries + "/api/audit/verification" + query + "&merkleRoot=" + checkpoint.path("merkleRoot").asText())
                .body().path("intact").asBoolean()).isTrue();
        assertThat(http.get(platform.queries + "/api/audit/verification" + query + "&merkleRoot=" + "ab".repeat(32))
                .body().path("intact").asBoolean()).isFalse();
    }

    @Test
    void anEditedPayloadIsFoundAndNamed() {
        Map<String, Object> event = event(A1, 3); // the report for 2025-12 (each report is followed by its approval)
        String original = new String((byte[]) event.get("payload"), StandardCharsets.UTF_8);
        assertThat(original).contains("\"value\":55");
        db.update("update event_store.domain_event_entry set payload = ? where event_identifier = ?",
                original.replace("\"value\":55", "\"value\":95").getBytes(StandardCharsets.UTF_8), event.get("event_identifier"));
        try {
            JsonNode broken = verify();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstBroken").path("eventIdentifier").asText()).isEqualTo(event.get("event_identifier"));
            assertThat(broken.path("firstBroken").path("problem").asText()).contains("does not match its hash");
        } finally {
            db.update("update event_store.domain_event_entry set payload = ? where event_identifier = ?",
                    original.getBytes(StandardCharsets.UTF_8), event.get("event_identifier"));
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedEventIsFound() {
        Map<String, Object> middle = event(A1, 2);
        delete(middle);
        try {
            JsonNode broken = verify();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstBroken").path("aggregateId").asText()).isEqualTo(A1);
            assertThat(broken.path("firstBroken").path("sequenceNumber").asLong()).isEqualTo(3);
            assertThat(broken.path("firstBroken").path("problem").asText()).contains("event #2 of " + A1 + " is missing");
        } finally {
            restore(middle);
        }
        // the last event of a stream has no successor to betray its loss: the checkpoint does
        Map<String, Object> last = event(A2, 2); // reported (1), approved (2): the stream's last event
        delete(last);
        try {
            JsonNode broken = verify();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstBroken").isMissingNode() || broken.path("firstBroken").isNull()).isTrue();
            assertThat(broken.path("checkpoints").get(0).path("holds").asBoolean()).isFalse();
        } finally {
            restore(last);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void twoReorderedEventsAreFound() {
        Map<String, Object> first = event(A1, 2);
        Map<String, Object> second = event(A1, 3);
        swapSequenceNumbers(first, second);
        try {
            JsonNode broken = verify();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstBroken").path("eventIdentifier").asText()).isEqualTo(first.get("event_identifier"));
        } finally {
            swapSequenceNumbers(first, second);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    /**
     * A checkpoint taken while a long transaction (an import) is still open stops before the indexes it has taken:
     * when that transaction commits its events below the ones already visible, the checkpoint still holds.
     */
    @Test
    void aCheckpointStopsBeforeATransactionStillInFlight() throws Exception {
        try (Connection inFlight = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/tiendo_test_tamper", "postgres", "")) {
            inFlight.setAutoCommit(false);
            long taken = insertSealedAgency(inFlight);
            created(http.post(platform.commands + "/api/indicators/" + A2 + "/reports", """
                    {"period":"2025-12","value":{"kind":"PERCENT","value":44}}"""));
            Http.Response made = http.as("kiem-toan").post(platform.queries + "/api/audit/checkpoints", "");
            assertThat(made.status()).isEqualTo(201);
            assertThat(made.body().at("/checkpoint/upToGlobalIndex").asLong()).as("stops before the open transaction's index")
                    .isLessThan(taken);
            inFlight.commit();
        }
        JsonNode after = verify();
        assertThat(after.path("intact").asBoolean()).as(after.toString()).isTrue();
    }

    /** Sở Nội vụ registered in a transaction of its own, sealed as the command side seals events; returns its index. */
    private static long insertSealedAgency(Connection connection) throws Exception {
        String eventId = UUID.randomUUID().toString();
        String at = Instant.now().toString();
        byte[] payload = """
                {"agencyId":"so-noi-vu","name":"Sở Nội vụ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}""".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> meta = new TreeMap<>(Map.of("actor", "dieu-phoi", "onBehalfOf", "so-khcn", "requestId", eventId,
                "previousHash", EventHash.GENESIS));
        meta.put("hash", EventHash.compute(eventId, "so-noi-vu", 0, "vn.tiendo.events.agency.AgencyRegistered", "1", at,
                payload, meta));
        try (PreparedStatement insert = connection.prepareStatement("insert into event_store.domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "values (?, 'so-noi-vu', 0, 'Agency', ?, 'vn.tiendo.events.agency.AgencyRegistered', '1', ?, ?) returning global_index")) {
            insert.setString(1, eventId);
            insert.setString(2, at);
            insert.setBytes(3, payload);
            insert.setBytes(4, new ObjectMapper().writeValueAsBytes(meta));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static JsonNode verify() {
        Http.Response response = http.get(platform.queries + "/api/audit/verification");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, Object> event(String aggregateId, long sequence) {
        return db.queryForMap("select * from event_store.domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                aggregateId, sequence);
    }

    private static void delete(Map<String, Object> event) {
        db.update("delete from event_store.domain_event_entry where event_identifier = ?", event.get("event_identifier"));
    }

    private static void restore(Map<String, Object> e) {
        db.update("insert into event_store.domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, "
                        + "type, time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.get("global_index"), e.get("event_identifier"), e.get("aggregate_identifier"), e.get("sequence_number"), e.get("type"),
                e.get("time_stamp"), e.get("payload_type"), e.get("payload_revision"), e.get("payload"), e.get("meta_data"));
    }

    private static void swapSequenceNumbers(Map<String, Object> a, Map<String, Object> b) {
        long seqA = db.queryForObject("select sequence_number from event_store.domain_event_entry where event_identifier = ?", Long.class, a.get("event_identifier"));
        long seqB = db.queryForObject("select sequence_number from event_store.domain_event_entry where event_identifier = ?", Long.class, b.get("event_identifier"));
        db.update("update event_store.domain_event_entry set sequence_number = -1 where event_identifier = ?", a.get("event_identifier"));
        db.update("update event_store.domain_event_entry set sequence_number = ? where event_identifier = ?", seqA, b.get("event_identifier"));
        db.update("update event_store.domain_event_entry set sequence_number = ? where event_identifier = ?", seqB, a.get("event_identifier"));
    }
}
