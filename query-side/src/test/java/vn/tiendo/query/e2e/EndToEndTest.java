package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.query.admin.Projections;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.created;
import static org.awaitility.Awaitility.await;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Both services, started as a user would start them, against a fresh PostgreSQL database: commands go over HTTP to
 * the command side; the query side's streaming processors read the event store and the query API shows the change.
 * The story of indicator A.1 and a task of Decision 1305/QĐ-UBND is played once before the tests, which look at it
 * now and, through {@code asOf}, at the moments in between; a test that writes works on records of its own. The
 * query side's clock is fixed on 2026-11-22.
 */
class EndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);
    private static final String A1 = "/api/indicators/QD-1305-2025.A.1";
    private static final String NV40 = "/api/tasks/QD-1305-2025.NV-40";

    private static Platform platform;
    private static String commands;
    private static String queries;
    private static final Http http = new Http();
    /** Moments of the story: after A.1 was defined, while its correction waited, before it was accepted, before NV-40 was completed. */
    private static Instant defined;
    private static Instant whileProposed;
    private static Instant beforeCorrection;
    private static Instant beforeCompletion;
    private static String proposalId;
    private static long versionAfterAcceptance;

    @BeforeAll
    static void playTheStoryOfA1AndATask() throws Exception {
        platform = Platform.start("tiendo_test_e2e", "2026-11-22T03:00:00Z");
        commands = platform.commands;
        queries = platform.queries;
        platform.registerStrategyPlan(http);
        created(http.post(commands + "/api/indicators", """
                {"indicatorId":"QD-1305-2025.A.1","planId":"QD-1305-2025","code":"A.1","name":"Tỷ lệ phủ sóng 5G trên địa bàn",
                 "unit":"% dân số","measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":60},"asWritten":"≥ 60%"},
                            {"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"100%"}],
                 "leadAgencyId":"so-khcn","monitoringAgencyId":"so-khcn"}"""));
        defined = Instant.now();
        created(http.post(commands + A1 + "/reports", """
                {"reportId":"A1-2026-10","period":"2026-10","value":{"kind":"PERCENT","value":70},"note":"số liệu nhà mạng"}"""));
        created(http.post(commands + A1 + "/reports", """
                {"reportId":"A1-2025-12","period":"2025-12","value":{"kind":"PERCENT","value":55}}"""));
        beforeCorrection = Instant.now();
        // the coordinator's reports are approved as sent, so a correction is a proposal until accepted
        Http.Response proposed = http.post(commands + A1 + "/reports/A1-2025-12/corrections", """
                {"newValue":{"kind":"PERCENT","value":61},"reason":"nhà mạng gửi số liệu chính thức"}""");
        assertThat(proposed.status()).isEqualTo(202);
        proposalId = proposed.body().path("proposalId").asText();
        whileProposed = Instant.now();
        // accepted by a second member of the coordinating department, naming the version reviewed (four eyes)
        versionAfterAcceptance = http.as("tham-dinh.so-khcn").post(commands + A1 + "/correction-proposals/" + proposalId + "/acceptance",
                "{\"expectedVersion\":" + proposed.body().path("version").asLong() + "}").body().path("version").asLong();
        created(http.post(commands + "/api/tasks", """
                {"taskId":"QD-1305-2025.NV-40","planId":"QD-1305-2025","content":"Xây dựng Kiến trúc chính quyền số tỉnh Bắc Ninh",
                 "leadAgencyId":"so-khcn","deadline":{"dueDate":"2025-12-31","asWritten":"Tháng 12/2025"},
                 "expectedProduct":"Kiến trúc được phê duyệt"}"""));
        created(http.post(commands + NV40 + "/reports", """
                {"period":"2025-11","percentComplete":40}"""));
        beforeCompletion = Instant.now();
        assertThat(http.post(commands + NV40 + "/completion", """
                {"completedOn":"2026-01-15","product":"Kiến trúc chính quyền số phiên bản 4.0"}""").status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).until(() -> http.get(queries + A1).body().path("version").asLong() == versionAfterAcceptance
                && http.get(queries + NV40).body().path("status").asText().equals("COMPLETED_LATE"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aReportPostedOnTheCommandSideShowsOnTheQuerySide() {
        assertThat(http.get(queries + A1 + "?asOf=" + defined).body().path("status").asText()).isEqualTo("NO_DATA");
        JsonNode indicator = http.get(queries + A1).body();
        assertThat(indicator.path("period").asText()).isEqualTo("2026-10");
        assertThat(indicator.path("value").path("value").decimalValue()).isEqualByComparingTo("70");
        // on the path from the 2025 milestone (60% on 2025-12-31) to 100% on 2030-12-31, 2026-10-31 expects 66.66%
        assertThat(indicator.path("expectedOnPath").decimalValue()).isEqualByComparingTo("66.6594");
        assertThat(indicator.path("status").asText()).isEqualTo("ON_TRACK");
        assertThat(indicator.path("targetInForce").path("asWritten").asText()).isEqualTo("100%");
        assertThat(indicator.path("reportedBy").asText()).isEqualTo("dieu-phoi");
        // each milestone judged on its own: 2025 was met once corrected, and was missed as recorded before
        assertThat(indicator.path("milestones").findValuesAsText("status")).containsExactly("ACHIEVED", "ON_TRACK");
        assertThat(http.get(queries + A1 + "?asOf=" + beforeCorrection).body().path("milestones").findValuesAsText("status"))
                .containsExactly("OVERDUE", "ON_TRACK");
    }

    @Test
    void theTimeSeriesShowsEachPeriodAgainstItsTargetAndCorrections() {
        JsonNode before = http.get(queries + A1 + "/series?asOf=" + beforeCorrection).body();
        assertThat(before).hasSize(2);
        assertThat(before.get(0).path("period").asText()).isEqualTo("2025-12");
        // below the 2025 target of ≥ 60% and 2025 is over
        assertThat(before.get(0).path("status").asText()).isEqualTo("OVERDUE");
        assertThat(before.get(0).path("targetInForce").path("asWritten").asText()).isEqualTo("≥ 60%");
        assertThat(http.get(queries + A1 + "/series?asOf=" + whileProposed).body().get(0).path("pendingCorrection").path("proposalId")
                .asText()).isEqualTo(proposalId);
        // defined 0; 2026-10 reported 1, approved 2; 2025-12 reported 3, approved 4; proposed 5; accepted 6, corrected 7
        assertThat(versionAfterAcceptance).isEqualTo(7);
        JsonNode december = http.get(queries + A1 + "/series").body().get(0);
        assertThat(december.path("status").asText()).isEqualTo("ACHIEVED");
        assertThat(december.path("corrected").asBoolean()).isTrue();
        assertThat(december.path("lastCorrectionReason").asText()).isEqualTo("nhà mạng gửi số liệu chính thức");
        assertThat(december.path("pendingCorrection").isNull() || december.path("pendingCorrection").isMissingNode()).isTrue();
        assertThat(december.path("approved").asBoolean()).isTrue();
    }

    @Test
    void taskStatusFollowsProgressDeadlineAndCompletion() {
        JsonNode before = http.get(queries + NV40 + "?asOf=" + beforeCompletion).body();
        assertThat(before.path("percentComplete").asInt()).isEqualTo(40);
        assertThat(before.path("status").asText()).isEqualTo("OVERDUE");
        assertThat(http.get(queries + NV40).body().path("status").asText()).isEqualTo("COMPLETED_LATE");
        assertThat(http.post(commands + NV40 + "/reports", """
                {"period":"2026-02","percentComplete":100}""").status()).isEqualTo(409);
    }

    /**
     * Status filters and counts run in SQL on the spans the projection stores; on the days either side of A.1's
     * targets and NV-40's due date, with no event in between, they hold what the rules say. The same after the rows'
     * spans are forgotten and migration V24 fills them again, as for rows projected before they existed.
     */
    @Test
    void statusFiltersInSqlAgreeWithTheRulesOnEitherSideOfEachDeadline() throws Exception {
        List<LocalDate> days = List.of(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-11-22"),
                LocalDate.parse("2030-12-31"), LocalDate.parse("2031-01-01"));
        assertThat(StatusSpans.agreeWithTheRules(platform.querySide, days)).isGreaterThanOrEqualTo(days.size() * 2);
        StatusSpans.forgetAndBackfill(platform.querySide);
        StatusSpans.agreeWithTheRules(platform.querySide, days);
    }

    @Test
    void listsFilterAndPageAndTheAgencySummaryCounts() {
        JsonNode achieved = http.get(queries + "/api/indicators?planId=QD-1305-2025&status=ON_TRACK").body();
        assertThat(achieved.path("totalItems").asInt()).isEqualTo(1);
        assertThat(http.get(queries + "/api/indicators?planId=QD-1305-2025&status=BEHIND").body().path("totalItems").asInt()).isZero();
        JsonNode december = http.get(queries + "/api/indicators?planId=QD-1305-2025&agencyId=so-khcn&period=2025-12").body().path("items").get(0);
        assertThat(december.path("status").asText()).isEqualTo("ACHIEVED");

        JsonNode summary = http.get(queries + "/api/agencies/so-khcn/summary?planId=QD-1305-2025").body();
        assertThat(summary.path("indicatorCount").asInt()).isEqualTo(1);
        assertThat(summary.path("indicators").path("ON_TRACK").asInt()).isEqualTo(1);
        assertThat(summary.path("tasks").path("COMPLETED_LATE").asInt()).isEqualTo(1);

        Http.Response badStatus = http.get(queries + "/api/indicators?status=GREAT");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().path("errors").get(0).path("field").asText()).isEqualTo("status");
        Http.Response badSize = http.get(queries + "/api/tasks?size=0");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.body().path("errors").get(0).path("field").asText()).isEqualTo("size");
        assertThat(http.get(queries + "/api/indicators/nope").status()).isEqualTo(404);
    }

    @Test
    void listsComeAsCsvAndAsTheyWereRecordedAtAnEarlierMoment() {
        String csv = http.getText(queries + "/api/indicators?planId=QD-1305-2025&period=2025-12&format=csv");
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).contains("indicatorId", "code", "targetInForce.asWritten", "status");
        assertThat(lines[1]).contains("QD-1305-2025.A.1", "ACHIEVED", "61");
        assertThat(http.get(queries + "/api/indicators?planId=QD-1305-2025").body().path("items").isArray()).isTrue();

        JsonNode then = http.get(queries + "/api/indicators?planId=QD-1305-2025&period=2025-12&asOf=" + beforeCorrection).body()
                .path("items").get(0);
        assertThat(then.path("value").path("value").decimalValue()).isEqualByComparingTo("55");
        assertThat(then.path("correctionCount").asInt()).isZero();
        assertThat(http.get(queries + "/api/indicators?asOf=2025-01-01").body().path("totalItems").asInt()).isZero();
        assertThat(http.get(queries + "/api/indicators?asOf=yesterday").status()).isEqualTo(400);
    }

    @Test
    void theMonthlyReportIsAnXlsxLaidOutLikeThePlans() throws Exception {
        byte[] now = http.getBytes(queries + "/api/reports/monthly.xlsx?period=2025-12&planId=QD-1305-2025");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(now))) {
            XSSFSheet sheet = book.getSheet("Chỉ tiêu");
            List<String> header = new ArrayList<>();
            sheet.getRow(5).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả kỳ báo cáo", "Đánh giá",
                    "Cơ quan chủ trì", "Ghi chú");
            assertThat(sheet.getRow(6).getCell(1).getStringCellValue()).startsWith("A.1. Tỷ lệ phủ sóng 5G");
            assertThat(sheet.getRow(6).getCell(3).getStringCellValue()).isEqualTo("≥ 60%");
            assertThat(sheet.getRow(6).getCell(4).getStringCellValue()).isEqualTo("61%");
            assertThat(sheet.getRow(6).getCell(5).getStringCellValue()).isEqualTo("Đạt");
            assertThat(sheet.getRow(6).getCell(6).getStringCellValue()).isEqualTo("Sở Khoa học và Công nghệ");
            assertThat(book.getSheet("Nhiệm vụ").getRow(6).getCell(5).getStringCellValue()).isEqualTo("Hoàn thành quá hạn");
        }
        byte[] then = http.getBytes(queries + "/api/reports/monthly.xlsx?period=2025-12&planId=QD-1305-2025&asOf=" + beforeCorrection);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(then))) {
            assertThat(book.getSheet("Chỉ tiêu").getRow(6).getCell(4).getStringCellValue()).isEqualTo("55%");
            assertThat(book.getSheet("Chỉ tiêu").getRow(6).getCell(5).getStringCellValue()).isEqualTo("Chưa đạt");
        }
        assertThat(http.get(queries + "/api/reports/monthly.xlsx?period=2025-13").status()).isEqualTo(400);
    }

    @Test
    void anOfficersReportIsADraftUntilTheHeadApprovesIt() {
        Http officer = http.as("can-bo.so-khcn");
        Http head = http.as("lanh-dao.so-khcn");
        // records of their own, in the DTI 2025 plan, so that the other tests' counts do not depend on this one
        created(http.post(commands + "/api/plans", """
                {"planId":"KH-SKHCN-DTI-2025","documentNumber":"/KH-SKHCN","issuer":"Sở Khoa học và Công nghệ",
                 "title":"Kế hoạch nâng cao chỉ số chuyển đổi số (DTI) tỉnh Bắc Ninh năm 2025 của Sở Khoa học và Công nghệ",
                 "periodStart":"2025-01-01","periodEnd":"2025-12-31"}"""));
        created(http.post(commands + "/api/indicators", """
                {"indicatorId":"KH-SKHCN-DTI-2025.4.4","planId":"KH-SKHCN-DTI-2025","code":"4.4",
                 "name":"Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số","unit":"%",
                 "measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"Đạt 100%"}],
                 "leadAgencyId":"so-khcn","monitoringAgencyId":"so-khcn"}"""));
        Http.Response draft = officer.post(commands + "/api/indicators/KH-SKHCN-DTI-2025.4.4/reports", """
                {"reportId":"dti-4.4-2025-09","period":"2025-09","value":{"kind":"PERCENT","value":64}}""");
        assertThat(draft.status()).isEqualTo(201);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(pointFor("2025-09").path("approved").asBoolean()).isFalse());
        // the officer may fix a draft at once
        Http.Response fixed = officer.post(commands + "/api/indicators/KH-SKHCN-DTI-2025.4.4/reports/dti-4.4-2025-09/corrections", """
                {"newValue":{"kind":"PERCENT","value":65},"reason":"gõ nhầm"}""");
        assertThat(fixed.status()).isEqualTo(200);
        String seen = "{\"expectedVersion\":" + fixed.body().path("version").asLong() + "}";
        assertThat(officer.post(commands + "/api/indicators/KH-SKHCN-DTI-2025.4.4/reports/dti-4.4-2025-09/approval", seen).status()).isEqualTo(403);
        assertThat(head.post(commands + "/api/indicators/KH-SKHCN-DTI-2025.4.4/reports/dti-4.4-2025-09/approval", seen).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(pointFor("2025-09").path("approved").asBoolean()).isTrue();
            assertThat(pointFor("2025-09").path("approvedBy").asText()).isEqualTo("lanh-dao.so-khcn");
        });
        // approved: the period is locked; a correction waits for the coordinator, who may reject it
        Http.Response proposal = officer.post(commands + "/api/indicators/KH-SKHCN-DTI-2025.4.4/reports/dti-4.4-2025-09/corrections", """
                {"newValue":{"kind":"PERCENT","value":70},"reason":"số liệu bổ sung"}""");
        assertThat(proposal.status()).isEqualTo(202);
        String proposalId = proposal.body().path("proposalId").asText();
        assertThat(head.post(commands + "/api/indicators/KH-SKHCN-DTI-2025.4.4/correction-proposals/" + proposalId + "/acceptance",
                "{\"expectedVersion\":" + proposal.body().path("version").asLong() + "}").status())
                .isEqualTo(403);
        assertThat(http.post(commands + "/api/indicators/KH-SKHCN-DTI-2025.4.4/correction-proposals/" + proposalId + "/rejection", """
                {"reason":"không có tài liệu kiểm chứng"}""").status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode point = pointFor("2025-09");
            assertThat(point.path("value").path("value").asInt()).isEqualTo(65);
            assertThat(point.path("pendingCorrection").isNull() || point.path("pendingCorrection").isMissingNode()).isTrue();
        });
        assertThat(officer.post(commands + "/api/indicators/KH-SKHCN-DTI-2025.4.4/reports", """
                {"period":"2025-09","value":{"kind":"PERCENT","value":90}}""").status()).isEqualTo(409);

        // task progress: the same draft and approval
        created(http.post(commands + "/api/tasks", """
                {"taskId":"KH-SKHCN-DTI-2025.NV-3","planId":"KH-SKHCN-DTI-2025","content":"Phát triển hạ tầng số","leadAgencyId":"so-khcn",
                 "deadline":{"recurrence":"ONGOING","asWritten":"Thường xuyên"}}"""));
        Http.Response taskDraft = officer.post(commands + "/api/tasks/KH-SKHCN-DTI-2025.NV-3/reports", """
                {"reportId":"nv3-2025-10","period":"2025-10","percentComplete":40}""");
        created(taskDraft);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode task = http.get(queries + "/api/tasks/KH-SKHCN-DTI-2025.NV-3").body();
            assertThat(task.path("lastReportId").asText()).isEqualTo("nv3-2025-10");
            assertThat(task.path("lastReportApproved").asBoolean()).isFalse();
        });
        assertThat(head.post(commands + "/api/tasks/KH-SKHCN-DTI-2025.NV-3/reports/nv3-2025-10/approval",
                "{\"expectedVersion\":" + taskDraft.body().path("version").asLong() + "}").status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(http.get(queries + "/api/tasks/KH-SKHCN-DTI-2025.NV-3").body().path("lastReportApproved").asBoolean()).isTrue());
        assertThat(officer.post(commands + "/api/tasks/KH-SKHCN-DTI-2025.NV-3/reports", """
                {"period":"2025-10","percentComplete":50}""").status()).isEqualTo(409);
    }

    private static JsonNode pointFor(String period) {
        for (JsonNode point : http.get(queries + "/api/indicators/KH-SKHCN-DTI-2025.4.4/series").body()) {
            if (point.path("period").asText().equals(period)) {
                return point;
            }
        }
        return MissingNode.getInstance();
    }

    /**
     * A rebuild replays every event into new tables while the live ones answer, then switches: the lists answer with
     * every record throughout, the tables are new ones afterwards, their rows equal the ones replaced, and a report
     * sent after the switch projects (the live processors go on from the rebuilt tables' positions).
     */
    @Test
    void aRebuildReplacesTheProjectionsWhileTheyKeepAnswering() throws Exception {
        JdbcTemplate jdbc = platform.querySide.getBean(JdbcTemplate.class);
        Projections projections = platform.querySide.getBean(Projections.class);
        await().atMost(PROJECTION_WAIT).until(projections::upToDate);
        List<String> before = snapshot(jdbc);
        assertThat(before).anyMatch(row -> row.contains("A1-2025-12"));
        long indicatorTable = jdbc.queryForObject("select 'projection.indicator'::regclass::oid::bigint", Long.class);
        long indicators = http.get(queries + "/api/indicators").body().path("totalItems").asLong();
        assertThat(indicators).isPositive();

        Http.Response started = http.as("quan-tri").post(queries + "/api/admin/projections/rebuild", "");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        assertThat(started.body().path("stage").asText()).isEqualTo("PREPARING");
        assertThat(http.as("quan-tri").post(queries + "/api/admin/projections/rebuild", "").body().path("type").asText())
                .as("one rebuild at a time").isEqualTo("urn:tiendo:problem:rebuild-running");
        int answers = 0;
        JsonNode progress;
        do {
            Http.Response list = http.get(queries + "/api/indicators");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body().path("totalItems").asLong()).as("every indicator, during the rebuild too").isEqualTo(indicators);
            answers++;
            progress = http.as("quan-tri").get(queries + "/api/admin/projections/rebuild").body();
        } while (!List.of("DONE", "FAILED").contains(progress.path("stage").asText()) && answers < 10_000);
        assertThat(progress.path("stage").asText()).as(progress.toString()).isEqualTo("DONE");
        assertThat(progress.path("pausedMillis").asLong()).isNotNegative();

        assertThat(jdbc.queryForObject("select 'projection.indicator'::regclass::oid::bigint", Long.class))
                .as("the indicators are read from the rebuilt table").isNotEqualTo(indicatorTable);
        assertThat(jdbc.queryForObject("select count(*) from pg_namespace where nspname in ('projection_next', 'projection_replaced')",
                Long.class)).as("nothing of the rebuild is left behind").isZero();
        assertThat(snapshot(jdbc)).isEqualTo(before);
        assertThat(http.as("quan-tri").get(queries + "/api/admin/projections/actions").body().findValuesAsText("detail"))
                .anyMatch(detail -> detail.startsWith("switched to the rebuilt projections"))
                .anyMatch(detail -> detail.startsWith("rebuild started"));

        created(http.as("quan-tri").post(commands + "/api/agencies", """
                {"agencyId":"so-tai-chinh","name":"Sở Tài chính","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""));
        await().atMost(PROJECTION_WAIT).until(() -> http.get(queries + "/api/agencies?kind=DEPARTMENT").body().toString()
                .contains("so-tai-chinh"));
        await().atMost(PROJECTION_WAIT).until(projections::upToDate);
    }

    /** What an operator's dashboard reads: commands by type, each projection's lag, the outbox, rebuilds. */
    @Test
    void theMetricsSayWhatTheServicesDo() {
        String commandSide = http.as("quan-tri").getText(commands + "/actuator/prometheus");
        assertThat(commandSide).contains("tiendo_outbox_pending ").contains("http_server_requests_seconds_bucket")
                .contains("commandBus_allTimer_seconds_count{payloadType=\"ReportIndicatorProgress\"}");
        String querySide = http.as("quan-tri").getText(queries + "/actuator/prometheus");
        assertThat(querySide).contains("tiendo_projection_lag_events{projection=\"indicator-projection\"}")
                .contains("tiendo_projection_position{projection=\"task-projection\"}")
                .contains("tiendo_projection_parked_events{projection=\"audit-log\"} 0.0")
                .contains("tiendo_projection_rebuild_running ").contains("eventProcessor_latency{processorName=\"indicator-projection\"}");
    }

    private static List<String> snapshot(JdbcTemplate jdbc) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("plan", "agency", "indicator", "indicator_period", "indicator_history",
                "indicator_period_history", "task", "task_history", "audit_log")) {
            rows.addAll(jdbc.queryForList("select '" + table + "' || ': ' || t::text from projection." + table + " t order by 1", String.class));
        }
        return rows;
    }
}
