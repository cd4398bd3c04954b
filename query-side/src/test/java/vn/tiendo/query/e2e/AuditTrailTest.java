package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tiendo.query.admin.Projections;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.tiendo.query.e2e.Fixtures.accepted;

/**
 * An auditor's questions over a scripted history (reports, a late correction, a target revision, a reassignment,
 * a completion): what the query API showed at several moments is recorded as it happens, and the as-of API must
 * give back exactly those answers afterwards. Then the history of each change, field by field, and the global log.
 */
class AuditTrailTest {

    private static final String A1 = "QD-1305-2025.A.1";
    private static final String TASK = "QD-1305-2025.NV-40";
    private static final String A2 = "QD-1305-2025.A.2";
    private static final List<String> VIEWS = List.of("/api/indicators?planId=QD-1305-2025", "/api/indicators/" + A1 + "/series",
            "/api/tasks/" + TASK, "/api/agencies/so-khcn/summary", "/api/indicators?agencyId=so-noi-vu&period=2025-12");
    private static Platform platform;
    private static final Http http = new Http();
    /** moment → (view → what the API answered then) */
    private static final Map<Instant, Map<String, JsonNode>> shown = new LinkedHashMap<>();

    @BeforeAll
    static void playTheScenarioAndRecordWhatWasShown() throws Exception {
        platform = Platform.start("tiendo_test_audit", null);
        platform.registerStrategyPlan(http);
        accepted(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"so-noi-vu","name":"Sở Nội vụ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""));
        accepted(http.post(platform.commands + "/api/indicators", """
                {"indicatorId":"%s","planId":"QD-1305-2025","code":"A.1","name":"Tỷ lệ phủ sóng 5G trên địa bàn","unit":"%% dân số",
                 "measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":60},"asWritten":"≥ 60%%"},
                            {"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"100%%"}],
                 "leadAgencyId":"so-khcn","monitoringAgencyId":"so-khcn"}""".formatted(A1)));
        accepted(http.post(platform.commands + "/api/tasks", """
                {"taskId":"%s","planId":"QD-1305-2025","content":"Xây dựng Kiến trúc chính quyền số tỉnh Bắc Ninh",
                 "leadAgencyId":"so-khcn","deadline":{"dueDate":"2025-12-31","asWritten":"Tháng 12/2025"}}""".formatted(TASK)));
        accepted(http.post(platform.commands + "/api/indicators/" + A1 + "/reports", """
                {"reportId":"r-2025-11","period":"2025-11","value":{"kind":"PERCENT","value":50}}"""));
        accepted(http.post(platform.commands + "/api/tasks/" + TASK + "/reports", """
                {"period":"2025-11","percentComplete":30}"""));
        record(2, 2); // defined 0, reported 1, approved 2 (the coordinator's reports are approved as sent); the task too
        accepted(http.post(platform.commands + "/api/indicators/" + A1 + "/reports", """
                {"reportId":"r-2025-12","period":"2025-12","value":{"kind":"PERCENT","value":55}}"""));
        record(4, 2);
        correctAndAccept(A1, "r-2025-12", 61, "số liệu chính thức của nhà mạng"); // proposed 5, accepted 6, corrected 7
        accepted(http.post(platform.commands + "/api/indicators/" + A1 + "/target-revisions", """
                {"newTarget":{"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":95},"asWritten":"≥ 95%"},
                 "reason":"điều chỉnh theo lộ trình","decisionReference":"Quyết định điều chỉnh số 12/QĐ-UBND"}"""));
        accepted(http.post(platform.commands + "/api/indicators/" + A1 + "/reassignments", """
                {"toAgencyId":"so-noi-vu","reason":"phân công lại theo chức năng","effectiveDate":"2026-01-01"}"""));
        record(9, 2); // revised 8, reassigned 9
        accepted(http.post(platform.commands + "/api/tasks/" + TASK + "/completion", """
                {"completedOn":"2026-01-15","product":"Kiến trúc chính quyền số phiên bản 4.0"}"""));
        record(9, 3);
        playWhatAnAuditorShouldBeShown();
    }

    /** A target lowered after a shortfall, a late report, five corrections by one person, a reassignment before a deadline. */
    private static void playWhatAnAuditorShouldBeShown() {
                accepted(http.post(platform.commands + "/api/indicators", """
                {"indicatorId":"%s","planId":"QD-1305-2025","code":"A.2","name":"Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định",
                 "unit":"%%","measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":60},"asWritten":"≥ 60%%"}],
                 "leadAgencyId":"so-khcn","monitoringAgencyId":"so-khcn"}""".formatted(A2)));
        accepted(http.post(platform.commands + "/api/indicators/" + A2 + "/reports", """
                {"reportId":"a2-2025-06","period":"2025-06","value":{"kind":"PERCENT","value":40}}"""));
        accepted(http.post(platform.commands + "/api/indicators/" + A2 + "/target-revisions", """
                {"newTarget":{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":35},"asWritten":"≥ 35%"},
                 "reason":"điều chỉnh cho phù hợp thực tế"}"""));
        for (int value = 41; value <= 45; value++) {
            correctAndAccept(A2, "a2-2025-06", value, "cập nhật lần " + (value - 40));
        }
        String soon = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10).toString();
        accepted(http.post(platform.commands + "/api/tasks", """
                {"taskId":"QD-1305-2025.NV-41","planId":"QD-1305-2025","content":"Ban hành quy chế quản lý dữ liệu",
                 "leadAgencyId":"so-khcn","deadline":{"dueDate":"%s","asWritten":"%s"}}""".formatted(soon, soon)));
        accepted(http.post(platform.commands + "/api/tasks/QD-1305-2025.NV-41/reassignments", """
                {"toAgencyId":"so-noi-vu","reason":"chuyển giao","effectiveDate":"%s"}""".formatted(soon)));

        // every projection has caught up with the store's head
        await().atMost(Duration.ofSeconds(15)).until(platform.querySide.getBean(Projections.class)::upToDate);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void asOfEachMomentTheApiGivesBackExactlyWhatItShowedThen() {
        assertThat(shown).hasSize(4);
        for (Map.Entry<Instant, Map<String, JsonNode>> moment : shown.entrySet()) {
            for (String view : VIEWS) {
                String asOf = (view.contains("?") ? "&" : "?") + "asOf=" + moment.getKey();
                JsonNode then = http.get(platform.queries + view + asOf).body();
                assertThat(then).as(view + " as of " + moment.getKey()).isEqualTo(moment.getValue().get(view));
            }
        }
        // the moments differ where the history did: the late correction is not in what was shown before it
        List<JsonNode> decemberValues = new ArrayList<>();
        shown.values().forEach(views -> decemberValues.add(views.get(VIEWS.get(1)).path(1).path("value").path("value")));
        assertThat(decemberValues.get(0).isMissingNode()).isTrue();
        assertThat(decemberValues.get(1).asInt()).isEqualTo(55);
        assertThat(decemberValues.get(2).asInt()).isEqualTo(61);
    }

    @Test
    void theHistoryOfARecordNamesWhoChangedWhatWhenAndWhy() {
        JsonNode history = http.get(platform.queries + "/api/audit/history/" + A1).body();
        assertThat(history).hasSize(10);
        assertThat(history.findValuesAsText("eventType")).containsExactly("IndicatorDefined", "IndicatorProgressReported",
                "IndicatorReportApproved", "IndicatorProgressReported", "IndicatorReportApproved", "IndicatorCorrectionProposed",
                "IndicatorCorrectionAccepted", "IndicatorProgressCorrected", "IndicatorTargetRevised", "IndicatorReassigned");
        assertThat(history.get(5).path("changes").get(0).path("field").asText()).isEqualTo("proposed value[2025-12]");
        // proposed by one member of the coordinating department, accepted and so applied by another (four eyes)
        assertThat(history.get(5).path("actor").asText()).isEqualTo("dieu-phoi");
        assertThat(history.get(6).path("actor").asText()).isEqualTo("tham-dinh.so-khcn");
        JsonNode correction = history.get(7);
        assertThat(correction.path("actor").asText()).isEqualTo("tham-dinh.so-khcn");
        assertThat(correction.path("onBehalfOf").asText()).isEqualTo("so-khcn");
        assertThat(correction.path("reason").asText()).isEqualTo("số liệu chính thức của nhà mạng");
        assertThat(correction.path("period").asText()).isEqualTo("2025-12");
        assertThat(correction.path("hash").asText()).hasSize(64);
        JsonNode change = correction.path("changes").get(0);
        assertThat(change.path("field").asText()).isEqualTo("value[2025-12]");
        assertThat(change.path("oldValue").path("value").asInt()).isEqualTo(55);
        assertThat(change.path("newValue").path("value").asInt()).isEqualTo(61);
        JsonNode revision = history.get(8).path("changes").get(0);
        assertThat(revision.path("field").asText()).isEqualTo("target[2030]");
        assertThat(revision.path("oldValue").path("asWritten").asText()).isEqualTo("100%");
        assertThat(revision.path("newValue").path("asWritten").asText()).isEqualTo("≥ 95%");
        JsonNode reassignment = history.get(9).path("changes").get(0);
        assertThat(reassignment.path("field").asText()).isEqualTo("leadAgencyId");
        assertThat(reassignment.path("oldValue").asText()).isEqualTo("so-khcn");
        assertThat(reassignment.path("newValue").asText()).isEqualTo("so-noi-vu");
        assertThat(http.get(platform.queries + "/api/audit/history/no-such-record").status()).isEqualTo(404);
        // the events behind December 2025's number: the definition, its report and its correction (not November's report)
        JsonNode december = http.get(platform.queries + "/api/audit/history/" + A1 + "?period=2025-12").body();
        assertThat(december.findValuesAsText("eventType")).containsExactly("IndicatorDefined", "IndicatorProgressReported",
                "IndicatorReportApproved", "IndicatorCorrectionProposed", "IndicatorCorrectionAccepted", "IndicatorProgressCorrected",
                "IndicatorReassigned");
    }

    @Test
    void theGlobalLogFiltersByActorAgencyTypeAndTime() {
        JsonNode all = http.get(platform.queries + "/api/audit/log?aggregateId=" + A1).body();
        assertThat(all.path("totalItems").asInt()).isEqualTo(10);
        assertThat(all.path("items").get(0).path("eventType").asText()).isEqualTo("IndicatorReassigned");
        // A.1's one correction; A.2's five come from the anomaly scenario
        assertThat(http.get(platform.queries + "/api/audit/log?eventType=IndicatorProgressCorrected").body().path("totalItems").asInt())
                .isEqualTo(6);
        JsonNode corrections = http.get(platform.queries + "/api/audit/log?eventType=IndicatorProgressCorrected&aggregateId=" + A1).body();
        assertThat(corrections.path("totalItems").asInt()).isEqualTo(1);
        assertThat(corrections.path("items").get(0).path("reason").asText()).isEqualTo("số liệu chính thức của nhà mạng");
        assertThat(http.get(platform.queries + "/api/audit/log?actor=dieu-phoi&agencyId=so-khcn").body()
                .path("totalItems").asInt()).isEqualTo(27);
        // the second member accepted six proposals: each acceptance and the correction it applies
        assertThat(http.get(platform.queries + "/api/audit/log?actor=tham-dinh.so-khcn").body().path("totalItems").asInt()).isEqualTo(12);
        assertThat(http.get(platform.queries + "/api/audit/log?actor=someone-else").body().path("totalItems").asInt()).isZero();
        assertThat(http.get(platform.queries + "/api/audit/log?to=2025-01-01").body().path("totalItems").asInt()).isZero();
        String csv = http.getText(platform.queries + "/api/audit/log?aggregateId=" + A1 + "&format=csv");
        assertThat(csv.split("\r\n")).hasSize(11);
        assertThat(csv).contains("IndicatorTargetRevised", "điều chỉnh theo lộ trình");
    }

    @Test
    void anomaliesAreFlaggedWithTheEventsBehindThem() {
        JsonNode lowered = http.get(platform.queries + "/api/audit/anomalies?rule=TARGET_LOWERED_AFTER_SHORTFALL").body();
        assertThat(lowered).hasSize(1);
        assertThat(lowered.get(0).path("aggregateId").asText()).isEqualTo(A2);
        assertThat(lowered.get(0).path("eventIdentifiers")).hasSize(2);
        assertThat(http.get(platform.queries + "/api/audit/anomalies?rule=LATE_REPORT&aggregateId=" + A2).body()).hasSize(1);
        // A.1's correction of December 2025 came long after 20 January 2026
        assertThat(http.get(platform.queries + "/api/audit/anomalies?rule=LATE_CORRECTION&aggregateId=" + A1).body()).hasSize(1);
        JsonNode near = http.get(platform.queries + "/api/audit/anomalies?rule=REASSIGNED_NEAR_DEADLINE").body();
        assertThat(near.findValuesAsText("aggregateId")).containsExactly("QD-1305-2025.NV-41");
        assertThat(http.get(platform.queries + "/api/audit/anomalies?rule=NO_SUCH_RULE").status()).isEqualTo(400);
        JsonNode many = http.get(platform.queries + "/api/audit/anomalies?rule=MANY_CORRECTIONS").body();
        assertThat(many).hasSize(1);
        assertThat(many.get(0).path("actor").asText()).isEqualTo("dieu-phoi");
        assertThat(many.get(0).path("eventIdentifiers").size()).isGreaterThanOrEqualTo(5);
    }


    /** A correction of an approved report: proposed, then accepted by a second member of the coordinating department. */
    private static void correctAndAccept(String indicatorId, String reportId, int value, String reason) {
        Http.Response proposed = http.post(platform.commands + "/api/indicators/" + indicatorId + "/reports/" + reportId + "/corrections", """
                {"newValue":{"kind":"PERCENT","value":%d},"reason":"%s"}""".formatted(value, reason));
        assertThat(proposed.status()).as(String.valueOf(proposed.body())).isEqualTo(202);
        Http.Response accepted = http.as("tham-dinh.so-khcn").post(platform.commands + "/api/indicators/" + indicatorId + "/correction-proposals/"
                + proposed.body().path("proposalId").asText() + "/acceptance", "{\"expectedVersion\":" + proposed.body().path("version").asLong() + "}");
        assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(200);
    }

    /** Waits until the projections show the indicator and task at these versions, then records what each view shows. */
    private static void record(long indicatorVersion, long taskVersion) {
        await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get(platform.queries + "/api/indicators/" + A1).body().path("version").asLong() == indicatorVersion
                        && http.get(platform.queries + "/api/tasks/" + TASK).body().path("version").asLong() == taskVersion
                        && http.get(platform.queries + "/api/audit/log?aggregateId=" + A1).body().path("totalItems").asLong() == indicatorVersion + 1);
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String view : VIEWS) {
            views.put(view, http.get(platform.queries + view).body());
        }
        shown.put(Instant.now(), views);
    }
}
