package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * Verification goes on from where the last intact one stopped (a checkpoint): it rehashes only the events after it,
 * each stream from its verified tail and the Merkle root from the verified frontier, and still catches an event
 * rewritten below that point (its row was written again since) and a point someone moved (its signature).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalVerificationTest {

    private static final String DATABASE = "tiendo_test_incremental";
    private static final Http http = new Http();
    private static final Http auditor = http.as("kiem-toan");
    private static Platform platform;

    @BeforeAll
    static void aStoreWithACheckpoint() throws Exception {
        Path outside = Files.createTempDirectory("tiendo-incremental");
        platform = Platform.start(DATABASE, null, "--tiendo.audit.signing-key-file=" + outside.resolve("checkpoint-key"),
                "--tiendo.audit.witness-file=" + outside.resolve("witness.jsonl"));
        platform.registerStrategyPlan(http);
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "so-khcn", "so-khcn")));
        report("2025-09", 40);
        assertThat(auditor.post(platform.queries + "/api/audit/checkpoints", "").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /** The anomaly flags are read once and carried on: a late report recorded after an answer is in the next one. */
    @Test
    @Order(0)
    void anomalyFlagsFollowWhatIsRecordedAfterTheFirstAnswer() {
        JsonNode before = auditor.get(platform.queries + "/api/audit/anomalies?rule=LATE_REPORT").body();
        assertThat(before.findValuesAsText("description")).noneMatch(d -> d.contains("2025-01"));
        report("2025-01", 12); // due by 20/02/2025, recorded today
        JsonNode after = auditor.get(platform.queries + "/api/audit/anomalies?rule=LATE_REPORT").body();
        assertThat(after.size()).isEqualTo(before.size() + 1);
        assertThat(after.findValuesAsText("description")).anyMatch(d -> d.contains("2025-01"));
        // and the record's own flags, read from its history alone, agree
        assertThat(auditor.get(platform.queries + "/api/audit/anomalies?rule=LATE_REPORT&aggregateId=QD-1305-2025.A.1").body().size())
                .isEqualTo(after.size());
    }

    @Test
    @Order(1)
    void theFirstVerificationReadsEverythingThenOnlyWhatCameAfter() throws Exception {
        // a mode that does not exist is a bad request naming the parameter
        Http.Response wrongMode = auditor.get(platform.queries + "/api/audit/verification?mode=fast");
        assertThat(wrongMode.status()).isEqualTo(400);
        assertThat(wrongMode.body().path("errors").findValuesAsText("field")).contains("mode");
        JsonNode first = verification();
        assertThat(first.path("intact").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.path("mode").asText()).isEqualTo("full");
        assertThat(first.path("eventsChecked").asLong()).isEqualTo(count("select count(*) from event_store.domain_event_entry"));

        report("2025-10", 45);
        report("2025-11", 48);
        JsonNode checkpoint = auditor.post(platform.queries + "/api/audit/checkpoints", "").body().path("checkpoint");
        long verifiedUpTo = count("select up_to_global_index from projection.verified_point");
        JsonNode next = verification();
        assertThat(next.path("intact").asBoolean()).as(next.toString()).isTrue();
        assertThat(next.path("mode").asText()).isEqualTo("incremental");
        assertThat(next.path("fromGlobalIndex").asLong()).isEqualTo(verifiedUpTo);
        assertThat(next.path("eventsChecked").asLong())
                .isEqualTo(count("select count(*) from event_store.domain_event_entry where global_index > " + verifiedUpTo))
                .isLessThan(next.path("eventsCovered").asLong());
        assertThat(next.path("eventsCovered").asLong()).isEqualTo(count("select count(*) from event_store.domain_event_entry"));
        // the checkpoint made since is checked against the root the frontier reaches, and the witness file from where it was read
        assertThat(next.path("checkpoints").findValuesAsText("checkpointId")).containsExactly(checkpoint.path("checkpointId").asText());
        assertThat(next.path("checkpoints").get(0).path("holds").asBoolean()).isTrue();
        assertThat(next.path("witness").path("holds").asBoolean()).isTrue();
        // and the point moved to that checkpoint
        assertThat(count("select up_to_global_index from projection.verified_point")).isEqualTo(checkpoint.path("upToGlobalIndex").asLong());
        // that checkpoint was made from the verified point (its root from the frontier): a full pass agrees with it
        assertThat(checkpoint.path("eventCount").asLong()).isEqualTo(count("select count(*) from event_store.domain_event_entry "
                + "where global_index <= " + checkpoint.path("upToGlobalIndex").asLong()));
        JsonNode full = auditor.get(platform.queries + "/api/audit/verification?mode=full").body();
        assertThat(full.path("mode").asText()).isEqualTo("full");
        assertThat(full.path("intact").asBoolean()).as(full.toString()).isTrue();
        assertThat(full.path("checkpoints").findValuesAsText("checkpointId")).contains(checkpoint.path("checkpointId").asText());
    }

    @Test
    @Order(2)
    void aPointMovedInTheDatabaseIsNotBelievedAndEverythingIsReadAgain() throws Exception {
        execute("update projection.verified_point set snapshot_xmax = snapshot_xmax + 1000000");
        JsonNode report = verification();
        assertThat(report.path("mode").asText()).isEqualTo("full");
        assertThat(report.path("intact").asBoolean()).isTrue();
        assertThat(verification().path("mode").asText()).isEqualTo("incremental");
    }

    @Test
    @Order(3)
    void anEventRewrittenBelowThePointIsFoundByAFullPass() throws Exception {
        long reportIndex = count("select min(global_index) from event_store.domain_event_entry "
                + "where payload_type like '%IndicatorProgressReported'");
        execute("alter table event_store.domain_event_entry disable trigger events_are_facts");
        try {
            execute("update event_store.domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '40', '90'), 'UTF8') "
                    + "where global_index = " + reportIndex);
        } finally {
            execute("alter table event_store.domain_event_entry enable trigger events_are_facts");
        }
        JsonNode report = verification();
        assertThat(report.path("mode").asText()).isEqualTo("full");
        assertThat(report.path("why").asText()).contains("written again");
        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.path("firstBroken").path("globalIndex").asLong()).isEqualTo(reportIndex);
    }

    private static JsonNode verification() {
        Http.Response response = auditor.get(platform.queries + "/api/audit/verification");
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private static void report(String period, int value) {
        created(http.post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", """
                {"period":"%s","value":{"kind":"PERCENT","value":%d}}""".formatted(period, value)));
    }

    private static long count(String sql) throws Exception {
        try (Connection c = database(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
    }
}
