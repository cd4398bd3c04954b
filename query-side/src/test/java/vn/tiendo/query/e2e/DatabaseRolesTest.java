package vn.tiendo.query.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * Each service logs in as its own role while the migrations run as the schemas' owner (README, "Database roles"):
 * the platform works as before, and the database itself refuses what neither service should ever do: the command
 * side changing, removing or un-protecting a stored event, the query side writing events, reaching the command side's
 * tables, or changing an audit record once written.
 */
class DatabaseRolesTest {

    private static final String DATABASE = "tiendo_test_roles";
    private static final String COMMAND_ROLE = "tiendo_test_command";
    private static final String QUERY_ROLE = "tiendo_test_query";
    private static final String ROLE_PASSWORD = "test-only-role-password";
    private static final Http http = new Http();
    private static Platform platform;

    @BeforeAll
    static void bothServicesLoggedInAsTheirOwnRoles() throws Exception {
        try (Connection c = connect("postgres", "postgres", ""); Statement s = c.createStatement()) {
            for (String role : List.of(COMMAND_ROLE, QUERY_ROLE)) {
                s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role + "') then "
                        + "create role " + role + " login password '" + ROLE_PASSWORD + "'; end if; end $$");
            }
        }
        platform = Platform.start(DATABASE, null,
                List.of("--spring.datasource.username=" + COMMAND_ROLE, "--spring.datasource.password=" + ROLE_PASSWORD,
                        "--spring.flyway.user=postgres", "--spring.flyway.password=", "--spring.flyway.placeholders.queryuser=" + QUERY_ROLE),
                "--spring.datasource.username=" + QUERY_ROLE, "--spring.datasource.password=" + ROLE_PASSWORD,
                "--spring.flyway.user=postgres", "--spring.flyway.password=");
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
    void withLeastPrivilegeTheServicesStillRecordProjectAndSeal() {
        created(http.post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", """
                {"period":"2025-09","value":{"kind":"PERCENT","value":40}}"""));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get(platform.queries + "/api/indicators/QD-1305-2025.A.1").body().path("value").path("value").asDouble())
                        .isEqualTo(40.0));
        assertThat(http.as("kiem-toan").post(platform.queries + "/api/audit/checkpoints", "").status()).isEqualTo(201);
        assertThat(http.as("kiem-toan").get(platform.queries + "/api/audit/verification").body().path("intact").asBoolean()).isTrue();
    }

    @Test
    void theCommandSidesRoleCanAddEventsButNeverChangeRemoveOrUnprotectThem() throws Exception {
        try (Connection c = connect(DATABASE, COMMAND_ROLE, ROLE_PASSWORD); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("select count(*) from event_store.domain_event_entry").next()).isTrue();
            assertRefused(s, "update event_store.domain_event_entry set payload = payload", "permission denied");
            assertRefused(s, "delete from event_store.domain_event_entry", "permission denied");
            assertRefused(s, "truncate event_store.domain_event_entry", "permission denied");
            // the append-only trigger stays: only the owner may disable or drop it
            assertRefused(s, "alter table event_store.domain_event_entry disable trigger events_are_facts", "must be owner");
            assertRefused(s, "drop trigger events_are_facts on event_store.domain_event_entry", "must be owner");
            assertRefused(s, "select count(*) from projection.indicator", "permission denied");
        }
    }

    @Test
    void theQuerySidesRoleOnlyReadsEventsAndOnlyAddsAuditRecords() throws Exception {
        try (Connection c = connect(DATABASE, QUERY_ROLE, ROLE_PASSWORD); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("select count(*) from event_store.domain_event_entry").next()).isTrue();
            assertRefused(s, "insert into event_store.domain_event_entry select * from event_store.domain_event_entry limit 1", "permission denied");
            assertRefused(s, "update event_store.domain_event_entry set payload = payload", "permission denied");
            assertRefused(s, "select count(*) from command_side.idempotency_key", "permission denied");
            assertRefused(s, "update audit.checkpoint set merkle_root = merkle_root", "permission denied");
            assertRefused(s, "delete from audit.checkpoint", "permission denied");
        }
    }

    /** A rebuild swaps schemas, which the query side's role may only do through the migration's functions. */
    @Test
    void theQuerySidesRoleRebuildsTheProjectionsWithoutOwningTheirSchema() throws Exception {
        try (Connection c = connect(DATABASE, QUERY_ROLE, ROLE_PASSWORD); Statement s = c.createStatement()) {
            assertRefused(s, "alter schema projection rename to elsewhere", "must be owner");
            assertRefused(s, "create schema projection_next", "permission denied");
        }
        assertThat(http.as("quan-tri").post(platform.queries + "/api/admin/projections/rebuild", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("DONE", "FAILED").contains(
                http.as("quan-tri").get(platform.queries + "/api/admin/projections/rebuild").body().path("stage").asText()));
        assertThat(http.as("quan-tri").get(platform.queries + "/api/admin/projections/rebuild").body().path("stage").asText())
                .isEqualTo("DONE");
        assertThat(http.get(platform.queries + "/api/indicators/QD-1305-2025.A.1").status()).isEqualTo(200);
        try (Connection c = connect(DATABASE, QUERY_ROLE, ROLE_PASSWORD); Statement s = c.createStatement()) {
            assertRefused(s, "drop table projection.indicator", "must be owner");
        }
    }

    private static void assertRefused(Statement statement, String sql, String why) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class).hasMessageContaining(why);
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, user, password);
    }
}
