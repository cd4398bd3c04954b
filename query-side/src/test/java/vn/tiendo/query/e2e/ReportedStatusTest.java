package vn.tiendo.query.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * A report's status span is judged, in the same statement that stores the report, on the latest period including
 * the one just reported (the statement's own snapshot does not show it yet). After each report — the first, a later
 * month reported lower, an earlier month reported after it — the status filters in SQL say what the rules say on
 * either side of each deadline, with no correction in between to set the span right again.
 */
class ReportedStatusTest {

    private static final String A2 = "/api/indicators/QD-1305-2025.A.2";
    private static final List<LocalDate> DAYS = List.of(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-11-22"), LocalDate.parse("2030-12-31"), LocalDate.parse("2031-01-01"));
    private static final Http http = new Http();
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start("tiendo_test_reported_status", "2026-11-22T03:00:00Z");
        platform.registerStrategyPlan(http);
        created(http.post(platform.commands + "/api/indicators", """
                {"indicatorId":"QD-1305-2025.A.2","planId":"QD-1305-2025","code":"A.2",
                 "name":"Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s.",
                 "unit":"% người sử dụng","measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":60},"asWritten":"≥ 60%"},
                            {"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"100%"}],
                 "leadAgencyId":"so-khcn","monitoringAgencyId":"so-khcn"}"""));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void eachReportsSpanIsJudgedOnTheLatestPeriodWithItself() {
        report("A2-2025-12", "2025-12", 65);
        StatusSpans.agreeWithTheRules(platform.querySide, DAYS);
        report("A2-2026-10", "2026-10", 40);
        StatusSpans.agreeWithTheRules(platform.querySide, DAYS);
        // an earlier month reported last: the latest period stays October's
        report("A2-2026-06", "2026-06", 100);
        StatusSpans.agreeWithTheRules(platform.querySide, DAYS);
        assertThat(http.get(platform.queries + A2).body().path("period").asText()).isEqualTo("2026-10");
    }

    /** Reports the value and waits until the projection shows the indicator at the version the command answered. */
    private static void report(String reportId, String period, int percent) {
        long version = created(http.post(platform.commands + A2 + "/reports", """
                {"reportId":"%s","period":"%s","value":{"kind":"PERCENT","value":%d}}""".formatted(reportId, period, percent)))
                .body().path("version").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get(platform.queries + A2).body().path("version").asLong() >= version);
    }
}
