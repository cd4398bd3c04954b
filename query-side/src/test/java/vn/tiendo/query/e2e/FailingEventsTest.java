package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.indicator.IndicatorProgressReported;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projections apply a batch of events without a savepoint per event and write the rows they append together
 * when the batch commits (config.BatchedAppends). An event one of them cannot apply — a value PostgreSQL refuses, as
 * stored before text was checked — fails its whole batch; the batch is then applied event by event, each in its
 * savepoint, so that event is parked in that projection alone and every other event and projection goes on.
 * Going event by event lasts 2 s here (10 minutes by default), so each test starts with batches again.
 */
class FailingEventsTest {

    private static final String DATABASE = "tiendo_test_failing_events";
    private static final Http http = new Http();
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(DATABASE, null, "--tiendo.projections.event-by-event-after-failure=PT2S");
        platform.registerStrategyPlan(http);
        Fixtures.created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn",
                "so-khcn", "so-khcn")));
        Fixtures.created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("A.2",
                "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s.", "so-khcn", "so-khcn")));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /** A handler's own statement fails (the directory's insert of the name) in the middle of a batch. */
    @Test
    void anEventAHandlerCannotApplyIsParkedThereAndTheRestGoOn() throws Exception {
        untilBatching();
        long refused;
        long after;
        try (Connection c = database()) {
            refused = SealedEvents.append(c, "so-xay-dung", "Agency", AgencyRegistered.class.getName(), "1", """
                    {"agencyId":"so-xay-dung","name":"Sở Xây dựng\\u0000","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}""", null);
            after = SealedEvents.append(c, "so-tu-phap", "Agency", AgencyRegistered.class.getName(), "1", """
                    {"agencyId":"so-tu-phap","name":"Sở Tư pháp","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}""", null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> agencies().contains("so-tu-phap"));
        assertThat(agencies()).doesNotContain("so-xay-dung");
        assertThat(parked("so-xay-dung")).containsExactly("directory-projection");
        // the auditors' log, another projection, has both
        await().atMost(Duration.ofSeconds(30)).until(() -> logged(after) != null);
        assertThat(logged(refused)).isEqualTo("so-xay-dung");
    }

    /** A row appended for the end of the batch fails (the auditors' log: a reason it cannot hold) when the batch commits. */
    @Test
    void anEventTheAuditLogCannotHoldIsParkedThereAndTheLogGoesOn() throws Exception {
        untilBatching();
        long refused;
        long after;
        try (Connection c = database()) {
            refused = SealedEvents.append(c, "so-cong-thuong", "Agency", AgencyRegistered.class.getName(), "1", """
                    {"agencyId":"so-cong-thuong","name":"Sở Công Thương","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}""", null,
                    Map.of(MetadataKeys.REASON, "Quyết định thành lập\u0000"));
            after = SealedEvents.append(c, "so-y-te", "Agency", AgencyRegistered.class.getName(), "1", """
                    {"agencyId":"so-y-te","name":"Sở Y tế","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}""", null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> logged(after) != null);
        assertThat(logged(refused)).isNull();
        assertThat(parked("so-cong-thuong")).containsExactly("audit-log");
        // the other projections applied it: the directory lists the department
        await().atMost(Duration.ofSeconds(30)).until(() -> agencies().contains("so-cong-thuong"));
    }

    /**
     * A report the indicator projection cannot write (a note PostgreSQL refuses) fails where the batch's reports are
     * written together, just before it commits: the batch is applied again event by event, the report is parked in that
     * projection alone (with what follows in its indicator's stream), and another indicator's report goes on.
     */
    @Test
    void aReportTheIndicatorProjectionCannotWriteIsParkedThereAndOtherIndicatorsGoOn() throws Exception {
        untilBatching();
        long refused;
        try (Connection c = database()) {
            refused = SealedEvents.append(c, "QD-1305-2025.A.1", "Indicator", IndicatorProgressReported.class.getName(), "1", """
                    {"indicatorId":"QD-1305-2025.A.1","reportId":"a1-2025-11","period":"2025-11","value":{"kind":"PERCENT","value":50},
                     "note":"số liệu tháng\\u0000","evidence":[]}""", null);
            SealedEvents.append(c, "QD-1305-2025.A.2", "Indicator", IndicatorProgressReported.class.getName(), "1", """
                    {"indicatorId":"QD-1305-2025.A.2","reportId":"a2-2025-11","period":"2025-11","value":{"kind":"PERCENT","value":65},
                     "note":"số liệu tháng","evidence":[]}""", null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "2025-11".equals(http.get(platform.queries + "/api/indicators/QD-1305-2025.A.2").body().path("period").asText()));
        // the two indicators' events may be in different segments: A.1's batch fails, and is applied again, on its own
        await().atMost(Duration.ofSeconds(60)).until(() -> !parked("QD-1305-2025.A.1").isEmpty());
        assertThat(parked("QD-1305-2025.A.1")).containsExactly("indicator-projection");
        assertThat(http.get(platform.queries + "/api/indicators/QD-1305-2025.A.1").body().path("period").isMissingNode()
                || http.get(platform.queries + "/api/indicators/QD-1305-2025.A.1").body().path("period").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> logged(refused) != null);
    }

    /** Waits until the projections write in batches again (after another test's failure). */
    private static void untilBatching() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                http.as("quan-tri").getText(platform.queries + "/actuator/prometheus").contains("tiendo_projection_event_by_event 0.0"));
    }

    /** The projections in which an event of this agency is parked. */
    private static List<String> parked(String agencyId) {
        JsonNode parked = http.as("quan-tri").get(platform.queries + "/api/admin/projections/parked-events").body();
        return java.util.stream.StreamSupport.stream(parked.spliterator(), false)
                .filter(event -> event.path("aggregateId").asText().equals(agencyId))
                .map(event -> event.path("projection").asText()).toList();
    }

    private static String agencies() {
        return http.as("quan-tri").get(platform.queries + "/api/agencies").body().toString();
    }

    /** The agency the audit log records at this global index, or null. */
    private static String logged(long globalIndex) throws Exception {
        return SealedEvents.logged(DATABASE, globalIndex);
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
    }
}
