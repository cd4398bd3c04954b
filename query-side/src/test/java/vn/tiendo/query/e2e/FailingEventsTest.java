package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.common.MetadataKeys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
        try (Connection c = database();
             ResultSet rs = c.createStatement().executeQuery("select aggregate_id from projection.audit_log where global_index = " + globalIndex)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
    }
}
