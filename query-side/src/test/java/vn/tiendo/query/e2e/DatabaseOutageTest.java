package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * The database out of reach under both services, as when PostgreSQL is down or restarting: its connections are
 * terminated and new ones refused (for this test's database only). A report and a query are answered 503 with a
 * problem body and a hint to retry, not 500; nothing is half-applied; once the database takes connections again the
 * same requests succeed without anyone restarting anything.
 */
class DatabaseOutageTest {

    private static final Http http = new Http();
    private static Platform platform;

    private static final String DATABASE = "tiendo_test_outage";

    @BeforeAll
    static void bothServicesWaitingOneSecondForAConnection() throws Exception {
        // read by both services at start-up (system properties are one of Spring's property sources)
        System.setProperty("spring.datasource.hikari.connection-timeout", "1000");
        try {
            platform = Platform.start(DATABASE, null);
        } finally {
            System.clearProperty("spring.datasource.hikari.connection-timeout");
        }
        platform.registerStrategyPlan(http);
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "so-khcn", "so-khcn")));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void whileTheDatabaseIsOutOfReachTheAnswerIs503AndNothingIsHalfApplied() {
        long before = events();
        outage(true);
        try {
            Http.Response report = http.post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", """
                    {"period":"2025-11","value":{"kind":"PERCENT","value":48}}""");
            assertThat(report.status()).as(String.valueOf(report.body())).isEqualTo(503);
            assertThat(report.body().path("type").asText()).isEqualTo("urn:tiendo:problem:unavailable");
            Http.Response query = http.get(platform.queries + "/api/indicators/QD-1305-2025.A.1");
            assertThat(query.status()).as(String.valueOf(query.body())).isEqualTo(503);
            assertThat(query.body().path("detail").asText()).contains("try again");
        } finally {
            outage(false);
        }
        assertThat(events()).as("nothing stored while the database was out of reach").isEqualTo(before);
        // back without anyone restarting anything: the client's retry goes through (a connection the pool still held
        // from before the outage may fail it once more with 503, which applies nothing)
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", """
                {"period":"2025-11","value":{"kind":"PERCENT","value":48}}""").status() == 201);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get(platform.queries + "/api/indicators/QD-1305-2025.A.1").status() == 200);
        assertThat(events()).isEqualTo(before + 2); // reported and, sent by the coordinator, approved
        // "caught up" only once every segment is claimed again and at the head: a segment released after the outage
        // waits behind the others, and the state must not say caught up while it does
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode states = http.as("quan-tri").get(platform.queries + "/api/admin/projections").body();
            boolean all = true;
            for (JsonNode state : states) {
                all &= state.path("caughtUp").asBoolean();
            }
            return all;
        });
        assertThat(projectedVersion()).as("the indicator's projected version once caught up").isEqualTo(lastSequence());
    }

    private static long projectedVersion() {
        return single("select version from projection.indicator where indicator_id = 'QD-1305-2025.A.1'");
    }

    private static long lastSequence() {
        return single("select max(sequence_number) from event_store.domain_event_entry where aggregate_identifier = 'QD-1305-2025.A.1'");
    }

    private static long single(String query) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses new connections to the test's database and ends the open ones (as PostgreSQL going down does), or lets them in again. */
    private static void outage(boolean down) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("alter database " + DATABASE + " allow_connections " + !down);
            if (down) {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long events() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery("select count(*) from event_store.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
