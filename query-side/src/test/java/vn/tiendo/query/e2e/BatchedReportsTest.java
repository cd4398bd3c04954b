package vn.tiendo.query.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tiendo.query.admin.Projections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * The indicator projection writes a batch's reports and approvals together, in a few statements
 * ({@code indicator.ReportSteps}). Here the live processors take one event per batch and a rebuild five hundred: after
 * the same history — reports out of month order, drafts approved later, a draft corrected and a target revised
 * between reports, a correction of an approved report accepted, one indicator reported six months running — the
 * rebuilt tables equal the live ones row for row, history included, and each indicator's and period's newest snapshot
 * is its row as it stands.
 */
class BatchedReportsTest {

    private static final String DATABASE = "tiendo_test_batched_reports";
    private static final String A1 = "QD-1305-2025.A.1";
    private static final String A2 = "QD-1305-2025.A.2";
    private static final String B3 = "QD-1305-2025.B.3";
    private static final Http coordinator = new Http();
    private static final Http officer = coordinator.as("can-bo.so-khcn");
    private static final Http head = coordinator.as("lanh-dao.so-khcn");
    private static final Map<String, Long> versions = new HashMap<>();
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start(DATABASE, "2026-11-22T03:00:00Z", "--TIENDO_PROJECTION_BATCH=1");
        platform.registerStrategyPlan(coordinator);
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn",
                "so-khcn", "so-khcn")));
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator("A.2",
                "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s.", "so-khcn", "so-khcn")));
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator("B.3",
                "Tỷ lệ chi ngân sách địa phương chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số/ tổng chi ngân sách",
                "so-khcn", "so-khcn")));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aRebuildInBatchesWritesWhatEventByEventWrote() throws Exception {
        report(coordinator, A1, "a1-2025-11", "2025-11", 50);
        report(coordinator, A1, "a1-2025-12", "2025-12", 55);
        report(officer, A2, "a2-2025-12", "2025-12", 65); // a draft, approved later
        report(coordinator, A1, "a1-2026-10", "2026-10", 40);
        report(officer, A2, "a2-2026-01", "2026-01", 62);
        command(officer, A2, "/reports/a2-2026-01/corrections", """
                {"newValue":{"kind":"PERCENT","value":63},"reason":"số liệu chính thức của nhà mạng"}""");
        command(head, A2, "/reports/a2-2025-12/approval", "{\"expectedVersion\":" + versions.get(A2) + "}");
        report(coordinator, A1, "a1-2026-06", "2026-06", 100); // an earlier month after a later one
        command(coordinator, A1, "/target-revisions", """
                {"newTarget":{"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":95},"asWritten":"≥ 95%"},
                 "reason":"điều chỉnh theo lộ trình"}""");
        command(head, A2, "/reports/a2-2026-01/approval", "{\"expectedVersion\":" + versions.get(A2) + "}");
        for (String month : new String[]{"2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"}) {
            report(coordinator, B3, "b3-" + month, month, 40 + Integer.parseInt(month.substring(5)));
        }
        Http.Response proposed = coordinator.post(platform.commands + "/api/indicators/" + A1 + "/reports/a1-2025-12/corrections", """
                {"newValue":{"kind":"PERCENT","value":61},"reason":"số liệu chính thức của nhà mạng"}""");
        assertThat(proposed.status()).as(String.valueOf(proposed.body())).isEqualTo(202);
        command(coordinator.as("tham-dinh.so-khcn"), A1, "/correction-proposals/" + proposed.body().path("proposalId").asText() + "/acceptance",
                "{\"expectedVersion\":" + proposed.body().path("version").asLong() + "}");
        report(coordinator, A1, "a1-2026-11", "2026-11", 75);
        await().atMost(Duration.ofSeconds(30)).until(platform.querySide.getBean(Projections.class)::upToDate);

        String live = tables();
        assertThat(live).contains("a2-2026-01").contains("b3-2026-03").contains("\"correction_count\": 1");
        assertThat(count("select count(*) from projection.indicator i join projection.indicator_history h on h.indicator_id = i.indicator_id "
                + "and h.version = i.version where h.state = to_jsonb(i)")).as("each indicator's newest snapshot is its row").isEqualTo(3);
        assertThat(count("select count(*) from projection.indicator_period p join lateral (select h.state from projection.indicator_period_history h "
                + "where h.indicator_id = p.indicator_id and h.period = p.period order by h.version desc limit 1) h on true where h.state = to_jsonb(p)"))
                .as("each period's newest snapshot is its row").isEqualTo(count("select count(*) from projection.indicator_period")).isEqualTo(13);

        Http admin = coordinator.as("quan-tri");
        assertThat(admin.post(platform.queries + "/api/admin/projections/rebuild", "").status()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                admin.get(platform.queries + "/api/admin/projections/rebuild").body().path("stage").asText().matches("DONE|FAILED"));
        assertThat(admin.get(platform.queries + "/api/admin/projections/rebuild").body().path("stage").asText()).isEqualTo("DONE");
        await().atMost(Duration.ofSeconds(30)).until(platform.querySide.getBean(Projections.class)::upToDate);
        assertThat(tables()).as("the tables a rebuild wrote in batches of 500").isEqualTo(live);
    }

    private static void report(Http as, String indicatorId, String reportId, String period, int percent) {
        command(as, indicatorId, "/reports", """
                {"reportId":"%s","period":"%s","value":{"kind":"PERCENT","value":%d}}""".formatted(reportId, period, percent));
    }

    private static void command(Http as, String indicatorId, String path, String body) {
        Http.Response answer = accepted(as.post(platform.commands + "/api/indicators/" + indicatorId + path, body));
        versions.put(indicatorId, answer.body().path("version").asLong());
    }

    /** The indicator tables, every row as JSON, in key order. */
    private static String tables() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (String table : new String[]{"indicator order by indicator_id", "indicator_period order by indicator_id, period",
                "indicator_history order by indicator_id, version", "indicator_period_history order by indicator_id, period, version"}) {
            String name = table.substring(0, table.indexOf(' '));
            try (Connection c = connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select to_jsonb(t)::text from projection." + name + " t " + table.substring(name.length()))) {
                while (rs.next()) {
                    rows.append(name).append(": ").append(rs.getString(1)).append('\n');
                }
            }
        }
        return rows.toString();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
    }
}
