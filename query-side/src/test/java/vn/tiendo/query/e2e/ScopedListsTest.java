package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * The scope policy applied in SQL: an officer's list holds what their agency leads, monitors or coordinates, counted
 * and paged by the database, now and as of a moment. Records from Decision 1305's appendix (A.1, B.5, C.29, task 9).
 */
class ScopedListsTest {

    private static Platform platform;
    private static final Http http = new Http();

    @BeforeAll
    static void threeAgenciesWithTheirRecords() throws Exception {
        platform = Platform.start("tiendo_test_scoped_lists", null);
        platform.registerStrategyPlan(http);
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"cong-an-tinh","name":"Công an tỉnh","kind":"PROVINCIAL_UNIT","parentAgencyId":"ubnd-tinh"}"""));
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"so-noi-vu","name":"Sở Nội vụ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""));
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "so-khcn", "so-khcn")));
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("B.5", "Tỷ lệ cán bộ, công chức cấp xã, phường được bồi dưỡng kỹ năng số căn bản", "so-noi-vu", "so-noi-vu")));
        // led by Công an tỉnh, monitored by Sở KH&CN: both see it, only Công an tỉnh acts on it
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("C.29", "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)", "cong-an-tinh", "so-khcn")));
        created(http.post(platform.commands + "/api/tasks", """
                {"taskId":"QD-1305-2025.NV-9","planId":"QD-1305-2025","leadAgencyId":"cong-an-tinh","coordinatingAgencyIds":["so-khcn"],
                 "content":"Hướng dẫn và triển khai các giải pháp bảo đảm an toàn, an ninh thông tin","deadline":{"recurrence":"ONGOING","asWritten":"Thường xuyên"}}"""));
        created(http.post(platform.commands + "/api/tasks", """
                {"taskId":"QD-1305-2025.NV-14","planId":"QD-1305-2025","leadAgencyId":"so-noi-vu",
                 "content":"Chú trọng xây dựng đội ngũ cán bộ chuyển đổi số đủ năng lực","deadline":{"recurrence":"ONGOING","asWritten":"Thường xuyên"}}"""));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get(platform.queries + "/api/indicators?size=10").body().path("totalItems").asInt() == 3
                        && http.get(platform.queries + "/api/tasks?size=10").body().path("totalItems").asInt() == 2);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anOfficerListsWhatTheirAgencyLeadsOrMonitorsPagedByTheDatabase() {
        Http officer = http.as("can-bo.so-khcn");
        JsonNode first = officer.get(platform.queries + "/api/indicators?size=1&page=0").body();
        JsonNode second = officer.get(platform.queries + "/api/indicators?size=1&page=1").body();
        assertThat(first.path("totalItems").asInt()).isEqualTo(2);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(List.of(code(first, 0), code(second, 0))).containsExactly("A.1", "C.29");
        assertThat(officer.get(platform.queries + "/api/indicators?size=1&page=2").body().path("items")).isEmpty();
        assertThat(codes(http.as("can-bo.cong-an-tinh").get(platform.queries + "/api/indicators").body())).containsExactly("C.29");
    }

    /** Paging by cursor: each page says where the next starts, and a deep page is found by plan and code, not by offset. */
    @Test
    void aListPagesByCursorWithinTheReadersScope() {
        JsonNode first = http.get(platform.queries + "/api/indicators?size=1").body();
        assertThat(first.path("next").asText()).isEqualTo("QD-1305-2025.A.1");
        JsonNode second = http.get(platform.queries + "/api/indicators?size=1&after=QD-1305-2025.A.1").body();
        assertThat(codes(second)).containsExactly("B.5");
        assertThat(second.path("totalItems").asInt()).isEqualTo(3);
        JsonNode last = http.get(platform.queries + "/api/indicators?size=1&after=" + second.path("next").asText()).body();
        assertThat(codes(last)).containsExactly("C.29");
        assertThat(last.hasNonNull("next")).as("the end").isFalse();
        assertThat(codes(http.get(platform.queries + "/api/indicators?size=5&after=QD-1305-2025.A.1").body())).containsExactly("B.5", "C.29");
        // after a status filter too (assessed, then cut)
        assertThat(codes(http.get(platform.queries + "/api/indicators?status=NO_DATA&size=1&after=QD-1305-2025.A.1").body()))
                .containsExactly("B.5");
        // an officer's cursor runs through what they see; another agency's indicator is no cursor for them
        Http officer = http.as("can-bo.so-khcn");
        assertThat(codes(officer.get(platform.queries + "/api/indicators?size=1&after=QD-1305-2025.A.1").body())).containsExactly("C.29");
        Http.Response foreign = officer.get(platform.queries + "/api/indicators?size=1&after=QD-1305-2025.B.5");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().toString()).contains("after");
        assertThat(http.get(platform.queries + "/api/indicators?after=QD-1305-2025.KHONG-CO").status()).isEqualTo(400);
    }

    @Test
    void theCoordinatorPagesThroughEverything() {
        JsonNode page = http.get(platform.queries + "/api/indicators?size=2&page=1").body();
        assertThat(page.path("totalItems").asInt()).isEqualTo(3);
        assertThat(codes(page)).containsExactly("C.29");
    }

    @Test
    void aCoordinatingAgencySeesTheTaskButNotAnotherAgencysTask() {
        JsonNode tasks = http.as("can-bo.so-khcn").get(platform.queries + "/api/tasks").body();
        assertThat(tasks.path("totalItems").asInt()).isEqualTo(1);
        assertThat(tasks.path("items").get(0).path("taskId").asText()).isEqualTo("QD-1305-2025.NV-9");
        assertThat(http.as("can-bo.so-khcn").get(platform.queries + "/api/tasks/QD-1305-2025.NV-14").status()).isEqualTo(404);
    }

    @Test
    void theScopeHoldsAsOfAMomentToo() {
        String today = LocalDate.now().plusDays(1).toString();
        JsonNode asOf = http.as("can-bo.so-khcn").get(platform.queries + "/api/indicators?asOf=" + today).body();
        assertThat(codes(asOf)).containsExactly("A.1", "C.29");
        JsonNode tasks = http.as("can-bo.cong-an-tinh").get(platform.queries + "/api/tasks?asOf=" + today).body();
        assertThat(tasks.path("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void aStatusFilterCountsOnlyTheMatchingIndicatorsInScope() {
        // nothing reported yet, the 2030 target not yet due: no data
        JsonNode noData = http.as("can-bo.so-khcn").get(platform.queries + "/api/indicators?status=NO_DATA&size=1").body();
        assertThat(noData.path("totalItems").asInt()).isEqualTo(2);
        assertThat(noData.path("items")).hasSize(1);
        assertThat(http.as("can-bo.so-khcn").get(platform.queries + "/api/indicators?status=OVERDUE").body().path("totalItems").asInt()).isZero();
    }

    /** Indicators with nothing reported stay NO_DATA until their last target's end, then OVERDUE: in SQL as by the rules. */
    @Test
    void statusFiltersInSqlAgreeWithTheRulesBeforeAndAfterTheLastTarget() {
        assertThat(StatusSpans.agreeWithTheRules(platform.querySide, List.of(LocalDate.parse("2030-12-31"), LocalDate.parse("2031-01-01"))))
                .isPositive();
    }

    private static String code(JsonNode page, int index) {
        return page.path("items").get(index).path("code").asText();
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("items").forEach(item -> codes.add(item.path("code").asText()));
        return codes;
    }


}
