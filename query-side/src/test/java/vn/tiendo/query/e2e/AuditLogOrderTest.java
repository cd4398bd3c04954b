package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tiendo.events.agency.AgencyRegistered;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two transactions commit in the other order than they took their global indexes (as concurrent commands and long
 * imports do): the event that commits late fills a gap the projections already passed. Each keeps its own place in
 * the auditors' log, and nothing is parked. (Found by the fault scenarios: the log took the processor's position for
 * the event's index, so the late event collided with the one after it and was parked.)
 */
class AuditLogOrderTest {

    private static final String DATABASE = "tiendo_test_audit_order";
    private static final Http http = new Http();
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(DATABASE, null);
        platform.registerStrategyPlan(http);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anEventCommittedAfterALaterOneKeepsItsOwnIndexInTheAuditLog() throws Exception {
        long lateIndex;
        long earlyIndex;
        try (Connection late = database(); Connection early = database()) {
            late.setAutoCommit(false);
            early.setAutoCommit(false);
            lateIndex = SealedEvents.append(late, "so-noi-vu", "Agency", AgencyRegistered.class.getName(), "1", """
                    {"agencyId":"so-noi-vu","name":"Sở Nội vụ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}""", null);
            earlyIndex = SealedEvents.append(early, "so-tai-chinh", "Agency", AgencyRegistered.class.getName(), "1", """
                    {"agencyId":"so-tai-chinh","name":"Sở Tài chính","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}""", null);
            assertThat(earlyIndex).isGreaterThan(lateIndex);
            early.commit();
            // the projections pass the later event first, leaving a gap where the other one will land
            await().atMost(Duration.ofSeconds(30)).until(() -> logged(earlyIndex) != null);
            late.commit();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> logged(lateIndex) != null);
        assertThat(logged(lateIndex)).isEqualTo("so-noi-vu");
        assertThat(logged(earlyIndex)).isEqualTo("so-tai-chinh");
        JsonNode states = http.as("quan-tri").get(platform.queries + "/api/admin/projections").body();
        assertThat(states.path("audit-log").path("parkedEvents").asLong()).isZero();
        assertThat(http.as("quan-tri").get(platform.queries + "/api/admin/projections/parked-events").body()).isEmpty();
    }

    /** The agency the audit log records at this global index, or null. */
    private static String logged(long globalIndex) throws Exception {
        return SealedEvents.logged(DATABASE, globalIndex);
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
    }
}
