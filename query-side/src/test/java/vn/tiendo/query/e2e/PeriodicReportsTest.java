package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.command.plan.ReportingCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * Periodic reports (báo cáo định kỳ) over HTTP, with the duties the DTI plan (002) writes: Sở KH&CN reports to the
 * provincial chairman before the 25th of each month, and the agencies leading its records report to Sở KH&CN before
 * the 20th. Sent on the days the reports came: October's on time, November's late, December's not at all; the
 * calendar judges each, as of any moment, and shows an agency only what it sends or receives.
 */
class PeriodicReportsTest {

    private static final Http coordinator = new Http("dieu-phoi");
    private static Platform platform;

    @BeforeAll
    static void dutiesAndReportsSentOnTheirDays() throws Exception {
        // the query side's "today": 28 December 2025, after December's due day
        platform = Platform.start("tiendo_test_periodic_reports", "2025-12-28T03:00:00Z");
        platform.registerStrategyPlan(coordinator);
        created(coordinator.post(platform.commands + "/api/agencies", """
                {"agencyId":"cong-an-tinh","name":"Công an tỉnh","kind":"PROVINCIAL_UNIT","parentAgencyId":"ubnd-tinh"}"""));
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator("C.29",
                "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)", "cong-an-tinh", "cong-an-tinh")));
        Clock real = GenericEventMessage.clock;
        try {
            // the duties as declared at the start of 2025
            GenericEventMessage.clock = Clock.fixed(Instant.parse("2025-01-02T03:00:00Z"), ZoneOffset.UTC);
            accepted(coordinator.post(platform.commands + "/api/plans/QD-1305-2025/reporting-obligations", """
                    {"obligationId":"so-khcn-chu-tich","reporterAgencyId":"so-khcn","recipientAgencyId":"ubnd-tinh","cycle":"MONTHLY",
                     "dueDay":25,"dueMonthOffset":0,"asWritten":"tham mưu Lãnh đạo Sở báo cáo Chủ tịch UBND tỉnh (trước ngày 25 hằng tháng)"}"""));
            accepted(coordinator.post(platform.commands + "/api/plans/QD-1305-2025/reporting-obligations", """
                    {"obligationId":"don-vi-thang","recipientAgencyId":"so-khcn","cycle":"MONTHLY","dueDay":20,
                     "asWritten":"Định kỳ trước ngày 20 hằng tháng, gửi báo cáo kết quả triển khai về Phòng Chuyển đổi số"}"""));
            send("2025-10-24T03:00:00Z", new Http("can-bo.so-khcn"), "so-khcn-chu-tich", "2025-10", "so-khcn", "135/BC-SKHCN");
            send("2025-11-27T03:00:00Z", new Http("lanh-dao.so-khcn"), "so-khcn-chu-tich", "2025-11", "so-khcn", "148/BC-SKHCN");
            send("2025-12-18T03:00:00Z", new Http("can-bo.cong-an-tinh"), "don-vi-thang", "2025-12", "cong-an-tinh", "212/BC-CAT");
        } finally {
            GenericEventMessage.clock = real;
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                coordinator.get(platform.queries + "/api/reporting/periodic-reports?from=2025-12&to=2025-12").body().toString().contains("212/BC-CAT"));
    }

    private static void send(String at, Http as, String duty, String period, String agency, String document) {
        GenericEventMessage.clock = Clock.fixed(Instant.parse(at), ZoneOffset.UTC);
        created(as.post(platform.commands + "/api/plans/QD-1305-2025/periodic-reports", """
                {"obligationId":"%s","period":"%s","agencyId":"%s","evidence":[{"documentNumber":"%s"}]}""".formatted(duty, period, agency, document)));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void eachReportIsJudgedAgainstItsDutysDueDay() {
        JsonNode calendar = coordinator.get(platform.queries + "/api/reporting/periodic-reports?agencyId=so-khcn&from=2025-10&to=2025-12").body();
        assertThat(rows(calendar, "so-khcn-chu-tich")).containsExactly(
                "2025-10 so-khcn → ubnd-tinh due 2025-10-25 ON_TIME",
                "2025-11 so-khcn → ubnd-tinh due 2025-11-25 LATE",
                "2025-12 so-khcn → ubnd-tinh due 2025-12-25 MISSING");
        // so-khcn leads no record of the plan, so it owes no report to itself under the lead agencies' duty
        assertThat(rows(calendar, "don-vi-thang")).isEmpty();
        JsonNode all = coordinator.get(platform.queries + "/api/reporting/periodic-reports?from=2025-12&to=2025-12").body();
        assertThat(rows(all, "don-vi-thang")).containsExactly("2025-12 cong-an-tinh → so-khcn due 2025-12-20 ON_TIME");
        // the whole of 2025: so-khcn's duty owed every month since the plan's start
        JsonNode year = coordinator.get(platform.queries + "/api/reporting/periodic-reports?planId=QD-1305-2025&agencyId=so-khcn").body();
        assertThat(year.at("/counts/due").asInt()).isEqualTo(12);
        assertThat(year.at("/counts/onTime").asInt()).isEqualTo(1);
        assertThat(year.at("/counts/late").asInt()).isEqualTo(1);
        assertThat(year.at("/counts/missing").asInt()).isEqualTo(10);
        assertThat(year.at("/reports/9/evidence/0/documentNumber").asText()).isEqualTo("135/BC-SKHCN");
        assertThat(year.at("/reports/9/submittedBy").asText()).isEqualTo("can-bo.so-khcn");
    }

    @Test
    void asOfADayOnlyWhatWasRecordedByThenCounts() {
        // on 26 November, November's report had not come: missing then, late now; December had not begun
        JsonNode then = coordinator.get(platform.queries + "/api/reporting/periodic-reports?agencyId=so-khcn&from=2025-10&asOf=2025-11-26").body();
        assertThat(rows(then, "so-khcn-chu-tich")).containsExactly(
                "2025-10 so-khcn → ubnd-tinh due 2025-10-25 ON_TIME",
                "2025-11 so-khcn → ubnd-tinh due 2025-11-25 MISSING");
        assertThat(coordinator.get(platform.queries + "/api/reporting/duties?asOf=2025-09-01").body()).hasSize(2);
        assertThat(coordinator.get(platform.queries + "/api/reporting/duties?asOf=2024-12-31").body()).isEmpty();
    }

    @Test
    void anAgencySeesWhatItSendsOrReceivesAndSendsOnlyItsOwn() {
        JsonNode theirs = new Http("can-bo.cong-an-tinh").get(platform.queries + "/api/reporting/periodic-reports?from=2025-10").body();
        assertThat(theirs.path("reports")).isNotEmpty();
        theirs.path("reports").forEach(r -> assertThat(r.path("agencyId").asText()).isEqualTo("cong-an-tinh"));
        // Công an tỉnh cannot send Sở KH&CN's report
        Http.Response refused = new Http("can-bo.cong-an-tinh").post(platform.commands + "/api/plans/QD-1305-2025/periodic-reports", """
                {"obligationId":"so-khcn-chu-tich","period":"2025-12","agencyId":"so-khcn","evidence":[{"documentNumber":"1/BC"}]}""");
        assertThat(refused.status()).isEqualTo(403);
        // a named duty is its reporter's alone, a quarter is not a month, and a period is sent once
        assertThat(fieldOf(coordinator.post(platform.commands + "/api/plans/QD-1305-2025/periodic-reports", """
                {"obligationId":"so-khcn-chu-tich","period":"2025-12","agencyId":"cong-an-tinh","evidence":[{"documentNumber":"1/BC"}]}"""))).isEqualTo("agencyId");
        assertThat(fieldOf(coordinator.post(platform.commands + "/api/plans/QD-1305-2025/periodic-reports", """
                {"obligationId":"so-khcn-chu-tich","period":"2025-Q4","agencyId":"so-khcn","evidence":[{"documentNumber":"1/BC"}]}"""))).isEqualTo("period");
        assertThat(coordinator.post(platform.commands + "/api/plans/QD-1305-2025/periodic-reports", """
                {"obligationId":"so-khcn-chu-tich","period":"2025-10","agencyId":"so-khcn","evidence":[{"documentNumber":"1/BC"}]}""").status())
                .isEqualTo(409);
        assertThat(fieldOf(coordinator.post(platform.commands + "/api/plans/QD-1305-2025/reporting-obligations", """
                {"obligationId":"x","recipientAgencyId":"so-khcn","cycle":"MONTHLY","dueDay":32,"asWritten":"trước ngày 32"}"""))).isEqualTo("dueDay");
    }

    /**
     * On 26 December, the day after December's due day, Sở KH&CN's December report to the chairman is overdue: its
     * officers and head are told, as an event and through the outbox; the reports that came (late or on time) and the
     * stages that have passed tell no one. The plan keeps one deadline pending in the persistent scheduler.
     */
    @Test
    void whoeverHasNotSentIsToldOnTheCalendarsDays() {
        JdbcTemplate store = platform.commandSide.getBean(JdbcTemplate.class);
        assertThat(store.queryForObject("select count(*) from command_side.scheduled_tasks", Long.class))
                .as("one deadline for C.29, one for the plan's duties").isEqualTo(2);
        Clock real = GenericEventMessage.clock;
        try {
            GenericEventMessage.clock = Clock.fixed(Instant.parse("2025-12-26T03:00:00Z"), ZoneOffset.UTC);
            CommandGateway commands = platform.commandSide.getBean(CommandGateway.class);
            commands.sendAndWait(new ReportingCommands.NotePeriodicReportStages("QD-1305-2025"));
            commands.sendAndWait(new ReportingCommands.NotePeriodicReportStages("QD-1305-2025")); // a deadline that fires twice
        } finally {
            GenericEventMessage.clock = real;
        }
        List<String> notices = store.queryForList("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                + "where payload_type = 'vn.tiendo.events.plan.PeriodicReportNoticeSent'", String.class);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("\"obligationId\":\"so-khcn-chu-tich\"").contains("\"period\":\"2025-12\"")
                .contains("\"stage\":\"OVERDUE\"").contains("officers:so-khcn").contains("head:so-khcn");
        assertThat(store.queryForObject("select count(*) from command_side.notification_outbox where subject like 'Quá hạn báo cáo định kỳ%'",
                Long.class)).isEqualTo(2);
    }

    private static String fieldOf(Http.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        return response.body().at("/errors/0/field").asText();
    }

    private static List<String> rows(JsonNode calendar, String duty) {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : calendar.path("reports")) {
            if (r.path("obligationId").asText().equals(duty)) {
                rows.add(r.path("period").asText() + " " + r.path("agencyId").asText() + " → " + r.path("recipientAgencyId").asText()
                        + " due " + r.path("dueDate").asText() + " " + r.path("timeliness").asText());
            }
        }
        return rows;
    }
}
