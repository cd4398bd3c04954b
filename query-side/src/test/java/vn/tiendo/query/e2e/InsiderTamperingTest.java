package vn.tiendo.query.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.shared.EventHash;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * An insider who owns the event table switches off its append-only trigger, rewrites a report's value, reseals every
 * later event of its stream and re-roots the stored checkpoints, all in SQL, so that the hash chains and the stored
 * roots agree again. The checkpoints were signed with a key the database never held and copied to a witness file
 * outside it: verification answers "not intact", names the rewritten event from the witness file, and finds the
 * stored roots' signatures broken — without anyone typing in a root kept outside.
 */
class InsiderTamperingTest {

    private static final String A1 = "QD-1305-2025.A.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Http http = new Http();
    private static Platform platform;
    private static JdbcTemplate db;
    private static Path witness;

    @BeforeAll
    static void aSignedAndWitnessedHistory() throws Exception {
        Path outside = Files.createTempDirectory("tiendo-outside-the-database");
        witness = outside.resolve("witness.jsonl");
        platform = Platform.start("tiendo_test_insider", null, "--tiendo.audit.signing-key-file=" + outside.resolve("checkpoint-key"),
                "--tiendo.audit.witness-file=" + witness, "--tiendo.audit.import-checkpoint-delay=PT1S");
        db = platform.querySide.getBean(JdbcTemplate.class);
        platform.registerStrategyPlan(http);
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "so-khcn", "so-khcn")));
        for (String month : new String[]{"2025-10", "2025-11", "2025-12", "2026-01", "2026-02"}) {
            created(http.as("can-bo.so-khcn").post(platform.commands + "/api/indicators/" + A1 + "/reports", """
                    {"period":"%s","value":{"kind":"PERCENT","value":55}}""".formatted(month)));
        }
        accepted(http.as("kiem-toan").post(platform.queries + "/api/audit/checkpoints", ""));
        created(http.as("can-bo.so-khcn").post(platform.commands + "/api/indicators/" + A1 + "/reports", """
                {"period":"2026-03","value":{"kind":"PERCENT","value":56}}"""));
        accepted(http.as("kiem-toan").post(platform.queries + "/api/audit/checkpoints", ""));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aRewrittenResealedAndReRootedStoreIsCaughtAndTheEventNamed() throws Exception {
        JsonNode before = verify();
        assertThat(before.path("intact").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.path("witness").path("checkpoints").asInt()).isGreaterThanOrEqualTo(2)
                .isEqualTo(Files.readAllLines(witness).size());

        List<Map<String, Object>> stream = db.queryForList("select * from event_store.domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", A1);
        Map<String, Object> target = stream.stream().filter(e -> payload(e).contains("\"2025-11\"")).findFirst().orElseThrow();
        List<Map<String, Object>> original = stream.stream().map(Map::copyOf).toList();
        List<Map<String, Object>> roots = db.queryForList("select checkpoint_id, merkle_root from audit.checkpoint");
        // the store refuses the change itself; its owner switches the trigger off first
        assertThatThrownBy(() -> db.update("update event_store.domain_event_entry set payload = payload where event_identifier = ?",
                target.get("event_identifier"))).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.update("delete from event_store.domain_event_entry where event_identifier = ?",
                target.get("event_identifier"))).rootCause().hasMessageContaining("append-only");
        db.execute("alter table event_store.domain_event_entry disable trigger events_are_facts");
        try {
            // the insider's work: a value changed, the stream's later events resealed, every stored root recomputed
            String previousHash = null;
            for (Map<String, Object> event : stream) {
                long sequence = ((Number) event.get("sequence_number")).longValue();
                byte[] payload = (byte[]) event.get("payload");
                if (event.get("event_identifier").equals(target.get("event_identifier"))) {
                    payload = payload(event).replace("\"value\":55", "\"value\":75").getBytes(StandardCharsets.UTF_8);
                }
                Map<String, Object> meta = new TreeMap<>(JSON.readValue((byte[]) event.get("meta_data"), MAP));
                if (previousHash != null) {
                    meta.put(MetadataKeys.PREVIOUS_HASH, previousHash);
                }
                String hash = EventHash.compute((String) event.get("event_identifier"), A1, sequence, (String) event.get("payload_type"),
                        (String) event.get("payload_revision"), (String) event.get("time_stamp"), payload, meta);
                meta.put(MetadataKeys.HASH, hash);
                db.update("update event_store.domain_event_entry set payload = ?, meta_data = ? where event_identifier = ?",
                        payload, JSON.writeValueAsBytes(meta), event.get("event_identifier"));
                previousHash = hash;
            }
            for (Map<String, Object> checkpoint : db.queryForList("select checkpoint_id, up_to_global_index from audit.checkpoint")) {
                List<String> hashes = new ArrayList<>();
                for (Map<String, Object> e : db.queryForList("select meta_data from event_store.domain_event_entry where global_index <= ? "
                        + "order by global_index", checkpoint.get("up_to_global_index"))) {
                    hashes.add((String) JSON.readValue((byte[]) e.get("meta_data"), MAP).get(MetadataKeys.HASH));
                }
                db.update("update audit.checkpoint set merkle_root = ? where checkpoint_id = ?", EventHash.merkleRoot(hashes),
                        checkpoint.get("checkpoint_id"));
            }

            JsonNode after = verify();
            // the chains and the stored roots agree: what used to answer "intact"
            assertThat(after.path("firstBroken").isMissingNode() || after.path("firstBroken").isNull()).as(after.toString()).isTrue();
            assertThat(after.path("checkpoints")).allSatisfy(c -> assertThat(c.path("merkleRootHolds").asBoolean()).isTrue());
            // but the stored roots no longer carry their signatures, and the witness file names the event
            assertThat(after.path("intact").asBoolean()).isFalse();
            assertThat(after.path("checkpoints")).allSatisfy(c -> assertThat(c.path("signatureHolds").asBoolean()).isFalse());
            JsonNode named = after.path("witness").path("firstDifference");
            assertThat(named.path("eventIdentifier").asText()).isEqualTo(target.get("event_identifier"));
            assertThat(named.path("aggregateId").asText()).isEqualTo(A1);
            assertThat(named.path("sequenceNumber").asLong()).isEqualTo(((Number) target.get("sequence_number")).longValue());
            assertThat(named.path("problem").asText()).contains("differs from its copy");
        } finally {
            for (Map<String, Object> event : original) {
                db.update("update event_store.domain_event_entry set payload = ?, meta_data = ? where event_identifier = ?",
                        event.get("payload"), event.get("meta_data"), event.get("event_identifier"));
            }
            db.execute("alter table event_store.domain_event_entry enable trigger events_are_facts");
            roots.forEach(r -> db.update("update audit.checkpoint set merkle_root = ? where checkpoint_id = ?", r.get("merkle_root"),
                    r.get("checkpoint_id")));
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void aWitnessLineWithABadSignatureOrOutOfChainIsCaught() throws Exception {
        List<String> lines = Files.readAllLines(witness);
        try {
            JsonNode second = JSON.readTree(lines.get(1));
            ((com.fasterxml.jackson.databind.node.ObjectNode) second).put("merkleRoot", "ab".repeat(32));
            Files.write(witness, List.of(lines.get(0), JSON.writeValueAsString(second)));
            JsonNode report = verify();
            assertThat(report.path("intact").asBoolean()).isFalse();
            assertThat(report.path("witness").path("problems").toString()).contains("signature");
        } finally {
            Files.write(witness, lines);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    /** An import is followed by a checkpoint of its own, signed and witnessed, without anyone asking. */
    @Test
    void anImportIsCheckpointedByItself() throws Exception {
        int before = db.queryForObject("select count(*) from audit.checkpoint", Integer.class);
        HttpRequest upload = HttpRequest.newBuilder(URI.create(platform.commands + "/api/imports/agencies"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("dieu-phoi:" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=tiendo")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        --tiendo\r
                        Content-Disposition: form-data; name="file"; filename="danh-sach-co-quan.csv"\r
                        Content-Type: text/csv\r
                        \r
                        Mã,Tên,Loại,Cơ quan cấp trên\r
                        so-noi-vu,Sở Nội vụ,DEPARTMENT,ubnd-tinh\r
                        --tiendo--\r
                        """, StandardCharsets.UTF_8)).build();
        HttpResponse<String> imported = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from audit.checkpoint", Integer.class) > before);
        Map<String, Object> latest = db.queryForMap("select * from audit.checkpoint order by checkpoint_id desc limit 1");
        assertThat(latest.get("signature")).isNotNull();
        assertThat(((Number) latest.get("up_to_global_index")).longValue()).isEqualTo(db.queryForObject(
                "select max(global_index) from event_store.domain_event_entry", Long.class));
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    private static String payload(Map<String, Object> event) {
        return new String((byte[]) event.get("payload"), StandardCharsets.UTF_8);
    }

    private static JsonNode verify() {
        Http.Response response = http.get(platform.queries + "/api/audit/verification");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
