package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * Accountability over HTTP: the reports each agency owed (due the 20th of the next month) judged on time, late or
 * missing; scorecards per agency and per head of agency; the ranking; what is overdue. Decision 1305's A.1 (Sở KH&CN)
 * and C.29 (Công an tỉnh), reported today, so the months are counted back from the current one: this month's
 * report is on time, the one two months back late, the older ones missing.
 */
class AccountabilityTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final YearMonth FIRST_DUE = YearMonth.of(2025, 11); // Decision 1305 was issued on 29/10/2025
    private static Platform platform;
    private static final Http http = new Http();
    private static LocalDate today;
    private static YearMonth thisMonth;
    private static Instant beforeTheReports;

    @BeforeAll
    static void twoAgenciesTheirIndicatorsAndAChangeOfHead() throws Exception {
        platform = Platform.start("tiendo_test_accountability", null);
        platform.registerStrategyPlan(http);
        today = LocalDate.now(PROVINCE);
        thisMonth = YearMonth.from(today);
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"cong-an-tinh","name":"Công an tỉnh","kind":"PROVINCIAL_UNIT","parentAgencyId":"ubnd-tinh"}"""));
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "so-khcn", "so-khcn")));
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("C.29",
                "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)", "cong-an-tinh", "cong-an-tinh")));
        created(http.post(platform.commands + "/api/tasks", """
                {"taskId":"QD-1305-2025.NV-40","planId":"QD-1305-2025","content":"Xây dựng Kiến trúc chính quyền số tỉnh Bắc Ninh",
                 "leadAgencyId":"so-khcn","deadline":{"dueDate":"2025-12-31","asWritten":"Tháng 12/2025"}}"""));
        // the director led until the 10th of last month; an acting head since
        accepted(http.post(platform.commands + "/api/agencies/so-khcn/heads", """
                {"holder":"Giám đốc Sở (nhiệm kỳ trước)","position":"Giám đốc","decisionReference":"Quyết định 101/QĐ-UBND","from":"2025-01-01"}"""));
        accepted(http.post(platform.commands + "/api/agencies/so-khcn/heads/leaving", """
                {"to":"%s","decisionReference":"Quyết định 54/QĐ-UBND","reason":"nghỉ hưu"}""".formatted(thisMonth.minusMonths(1).atDay(10))));
        accepted(http.post(platform.commands + "/api/agencies/so-khcn/heads", """
                {"holder":"Phó Giám đốc phụ trách","position":"Phó Giám đốc","acting":true,"decisionReference":"Quyết định 55/QĐ-UBND",
                 "from":"%s"}""".formatted(thisMonth.minusMonths(1).atDay(11))));
        beforeTheReports = Instant.now();
        for (YearMonth month : List.of(thisMonth, thisMonth.minusMonths(2))) {
            created(http.post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", """
                    {"period":"%s","value":{"kind":"PERCENT","value":70}}""".formatted(month)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get(platform.queries + "/api/indicators/QD-1305-2025.A.1").body().path("version").asLong() == 4
                        && http.get(platform.queries + "/api/tasks/QD-1305-2025.NV-40").status() == 200
                        && http.get(platform.queries + "/api/scorecards/agencies/so-khcn/heads").body().size() == 2);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /** Missing: every month from November 2025 whose due day (the 20th of the next month) has passed, but those reported. */
    private static int missingSince(YearMonth first, YearMonth last, List<YearMonth> reported) {
        int missing = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            if (today.isAfter(m.plusMonths(1).atDay(20)) && !reported.contains(m)) {
                missing++;
            }
        }
        return missing;
    }

    @Test
    void anAgencysScorecardJudgesEachReportAgainstItsDueDay() {
        YearMonth from = thisMonth.minusMonths(2);
        JsonNode card = http.get(platform.queries + "/api/scorecards/agencies/so-khcn?from=" + from + "&to=" + thisMonth).body();
        JsonNode reports = card.path("reports");
        assertThat(reports.path("onTime").asInt()).isEqualTo(1);
        assertThat(reports.path("late").asInt()).isEqualTo(1);
        assertThat(reports.path("missing").asInt()).isEqualTo(missingSince(from, thisMonth, List.of(thisMonth, from)));
        assertThat(reports.path("due").asInt()).isEqualTo(2 + reports.path("missing").asInt());
        List<String> items = new ArrayList<>();
        card.path("reportItems").forEach(r -> items.add(r.path("period").asText() + " " + r.path("timeliness").asText()));
        assertThat(items).contains(from + " LATE", thisMonth + " ON_TIME");
        assertThat(card.path("reportItems").get(0).path("dueDate").asText()).isEqualTo(from.plusMonths(1).atDay(20).toString());
        // the task due at the end of 2025 is not in this span; over the whole plan it is overdue
        assertThat(card.path("tasks").path("due").asInt()).isZero();
        JsonNode whole = http.get(platform.queries + "/api/scorecards/agencies/so-khcn?from=2025-01&to=" + thisMonth).body();
        assertThat(whole.path("tasks").path("overdue").asInt()).isEqualTo(1);
        assertThat(whole.path("reports").path("missing").asInt()).isEqualTo(missingSince(FIRST_DUE, thisMonth, List.of(thisMonth, from)));
        // score = 100 × (on time + ½ late) ÷ due
        double due = whole.path("reports").path("due").asInt() + 1;
        assertThat(whole.path("score").asDouble()).isEqualTo(Math.round(1000 * 1.5 / due) / 10.0);
    }

    @Test
    void eachHeadAnswersForWhatFellDueWhileTheyLed() {
        JsonNode heads = http.get(platform.queries + "/api/scorecards/agencies/so-khcn/heads?from=2025-01&to=" + thisMonth).body();
        assertThat(heads).hasSize(2);
        JsonNode director = heads.get(0);
        JsonNode acting = heads.get(1);
        assertThat(director.path("holder").asText()).isEqualTo("Giám đốc Sở (nhiệm kỳ trước)");
        assertThat(director.path("to").asText()).isEqualTo(thisMonth.minusMonths(1).atDay(10).toString());
        // due by the 10th of last month: every month up to three months back, none reported
        assertThat(director.path("reports").path("missing").asInt()).isEqualTo(missingSince(FIRST_DUE, thisMonth.minusMonths(3), List.of()));
        assertThat(director.path("reports").path("onTime").asInt()).isZero();
        assertThat(acting.path("acting").asBoolean()).isTrue();
        // the report two months back fell due on the 20th of last month, under the acting head, and came in late
        assertThat(acting.path("reports").path("late").asInt()).isEqualTo(1);
        assertThat(acting.path("reportItems").findValuesAsText("period")).contains(thisMonth.minusMonths(2).toString());
        // as recorded before the decisions, nobody led it
        assertThat(http.get(platform.queries + "/api/scorecards/agencies/so-khcn/heads?asOf=2025-06-30").body()).isEmpty();
    }

    @Test
    void theRankingPutsTheAgencyThatReportedFirstAndReadsAsOfAnyMoment() {
        String span = "?from=" + thisMonth.minusMonths(2) + "&to=" + thisMonth;
        JsonNode ranking = http.get(platform.queries + "/api/scorecards/ranking" + span).body();
        assertThat(ranking.findValuesAsText("agencyId")).containsExactly("so-khcn", "cong-an-tinh");
        assertThat(ranking.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(ranking.get(1).path("score").asDouble()).isZero();
        // the ranking counts each agency's reports without reading them out; its scorecard lists them: the same figures
        for (JsonNode agency : ranking) {
            assertThat(agency.path("reports")).as(agency.path("agencyId").asText()).isEqualTo(http.get(platform.queries
                    + "/api/scorecards/agencies/" + agency.path("agencyId").asText() + span).body().path("reports"));
        }
        // before today's reports came in, Sở KH&CN had nothing on time either
        JsonNode before = http.get(platform.queries + "/api/scorecards/ranking" + span + "&asOf=" + beforeTheReports).body();
        assertThat(before.get(0).path("reports").path("onTime").asInt()).isZero();
        assertThat(http.as("can-bo.so-khcn").get(platform.queries + "/api/scorecards/ranking").status()).isEqualTo(403);
        assertThat(http.get(platform.queries + "/api/scorecards/ranking?from=2025-13").status()).isEqualTo(400);
    }

    @Test
    void theOverdueOverviewListsAgenciesOldestFirstAndOfficersSeeTheirOwn() {
        JsonNode overdue = http.get(platform.queries + "/api/scorecards/overdue").body();
        // both owe November 2025 (due 20/12/2025): the tie goes by id
        assertThat(overdue.findValuesAsText("agencyId")).containsExactly("cong-an-tinh", "so-khcn");
        JsonNode soKhcn = overdue.get(1).path("items");
        assertThat(soKhcn.get(0).path("period").asText()).isEqualTo("2025-11");
        assertThat(soKhcn.get(0).path("daysOverdue").asLong()).isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2025, 12, 20), today));
        assertThat(soKhcn.findValuesAsText("kind")).contains("TASK", "REPORT");
        JsonNode own = http.as("can-bo.cong-an-tinh").get(platform.queries + "/api/scorecards/overdue").body();
        assertThat(own.findValuesAsText("agencyId")).containsExactly("cong-an-tinh");
        assertThat(http.as("can-bo.cong-an-tinh").get(platform.queries + "/api/scorecards/agencies/so-khcn").status()).isEqualTo(404);
    }
}
