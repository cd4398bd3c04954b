package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * The 2025 reorganisation as events, each from 1 July 2025 by a decision: the district level ends, so a ward of Từ
 * Sơn moves directly under the province, the city's branch of the public service centre merges into the province's
 * centre (its indicator and open task pass on, its June report stays its own), and the city merges into UBND tỉnh,
 * taking the agency still under it and the indicator it monitored along.
 */
class AgencyChangesTest {

    private static final String DECISION = "Nghị quyết sắp xếp đơn vị hành chính (dữ liệu mẫu)";
    private static final String INDICATOR = "KH-TU-SON-NQ57.1.1";

    private static Platform platform;
    private static final Http http = new Http();

    @BeforeAll
    static void theCityItsBranchAWardAndTheProvincesCentre() throws Exception {
        platform = Platform.start("tiendo_test_agency_changes", null);
        platform.registerStrategyPlan(http);
        for (String agency : List.of(
                """
                {"agencyId":"van-phong-ubnd","name":"Văn phòng UBND tỉnh","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}""",
                """
                {"agencyId":"van-phong-ubnd.trung-tam-phvcc","name":"Trung tâm Phục vụ hành chính công tỉnh","kind":"DIVISION","parentAgencyId":"van-phong-ubnd"}""",
                """
                {"agencyId":"ubnd-tp-tu-son","name":"UBND thành phố Từ Sơn","kind":"DISTRICT","parentAgencyId":"ubnd-tinh"}""",
                """
                {"agencyId":"cn-tthcc-tu-son","name":"Chi nhánh Trung tâm Hành chính công","kind":"DIVISION","parentAgencyId":"ubnd-tp-tu-son"}""",
                """
                {"agencyId":"vp-hdnd-ubnd-tu-son","name":"Văn phòng HĐND-UBND thành phố","kind":"DIVISION","parentAgencyId":"ubnd-tp-tu-son"}""",
                """
                {"agencyId":"phuong-dong-ngan","name":"UBND phường Đông Ngàn","kind":"COMMUNE_WARD","parentAgencyId":"ubnd-tp-tu-son"}""")) {
            created(http.post(platform.commands + "/api/agencies", agency));
        }
        created(http.post(platform.commands + "/api/plans", """
                {"planId":"KH-TU-SON-NQ57","documentNumber":"KH-UBND (tháng 02/2025)","issuer":"UBND thành phố Từ Sơn",
                 "title":"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của thành phố Từ Sơn","periodStart":"2025-01-01","periodEnd":"2030-12-31"}"""));
        created(http.post(platform.commands + "/api/indicators", """
                {"indicatorId":"KH-TU-SON-NQ57.1.1","planId":"KH-TU-SON-NQ57","code":"1.1",
                 "name":"Tỉ lệ hồ sơ trực tuyến toàn trình của cả thành phố","unit":"%","measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":80},"asWritten":"Cả thành phố đạt 80%"}],
                 "leadAgencyId":"cn-tthcc-tu-son","monitoringAgencyId":"ubnd-tp-tu-son"}"""));
        created(http.post(platform.commands + "/api/tasks", """
                {"taskId":"KH-TU-SON-NQ57.NV-1","planId":"KH-TU-SON-NQ57","leadAgencyId":"cn-tthcc-tu-son",
                 "content":"Vận hành hiệu quả Chi nhánh Trung tâm Phục vụ hành chính công thành phố","deadline":{"recurrence":"ONGOING","asWritten":"Thường xuyên"}}"""));
        created(http.post(platform.commands + "/api/tasks", """
                {"taskId":"KH-TU-SON-NQ57.NV-2","planId":"KH-TU-SON-NQ57","leadAgencyId":"cn-tthcc-tu-son",
                 "content":"Cải tạo, nâng cấp điều kiện làm việc của Trung tâm Hành chính công thành phố","deadline":{"dueDate":"2025-12-31","asWritten":"Năm 2025"}}"""));
        accepted(http.post(platform.commands + "/api/tasks/KH-TU-SON-NQ57.NV-2/cancellation", """
                {"reason":"Thành phố không còn cấp huyện từ 01/7/2025"}"""));
        created(http.post(platform.commands + "/api/indicators/" + INDICATOR + "/reports", """
                {"period":"2025-06","value":{"kind":"PERCENT","value":76},"note":"Báo cáo tháng 6/2025"}"""));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get(platform.queries + "/api/indicators/" + INDICATOR + "/series").body().size() == 1);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theReorganisationIsRecordedAndTheHistoryStaysWithTheAgenciesAsTheyWere() throws Exception {
        // a ward directly under the province once the district level ends
        accepted(http.post(platform.commands + "/api/agencies/phuong-dong-ngan/move", """
                {"toParentAgencyId":"ubnd-tinh","effectiveDate":"2025-07-01","decisionReference":"%s"}""".formatted(DECISION)));
        // the city's branch merges into the province's centre: its indicator and open task pass on, the cancelled one stays
        accepted(http.post(platform.commands + "/api/agencies/cn-tthcc-tu-son/merger", """
                {"intoAgencyId":"van-phong-ubnd.trung-tam-phvcc","effectiveDate":"2025-07-01","decisionReference":"%s"}""".formatted(DECISION)));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                "van-phong-ubnd.trung-tam-phvcc".equals(http.get(platform.queries + "/api/indicators/" + INDICATOR).body().path("leadAgencyId").asText())
                        && "van-phong-ubnd.trung-tam-phvcc".equals(http.get(platform.queries + "/api/tasks/KH-TU-SON-NQ57.NV-1").body()
                        .path("leadAgencyId").asText()));
        assertThat(http.get(platform.queries + "/api/tasks/KH-TU-SON-NQ57.NV-2").body().path("leadAgencyId").asText())
                .as("a cancelled task stays with the agency that had it").isEqualTo("cn-tthcc-tu-son");
        JsonNode june = http.get(platform.queries + "/api/indicators/" + INDICATOR + "/series").body().get(0);
        assertThat(june.path("period").asText()).isEqualTo("2025-06");
        assertThat(june.path("value").path("value").decimalValue()).isEqualByComparingTo("76");
        // the reassignment says when and why
        JsonNode history = http.get(platform.queries + "/api/audit/history/" + INDICATOR).body();
        List<String> reassignments = new ArrayList<>();
        history.forEach(e -> {
            if (e.path("eventType").asText().contains("IndicatorReassigned")) {
                reassignments.add(e.toString());
            }
        });
        assertThat(reassignments).hasSize(1);
        assertThat(reassignments.get(0)).contains("cn-tthcc-tu-son merged into van-phong-ubnd.trung-tam-phvcc (" + DECISION + ")",
                "leadAgencyId");

        // the city merges into UBND tỉnh; the division still under it moves under UBND tỉnh
        accepted(http.post(platform.commands + "/api/agencies/ubnd-tp-tu-son/merger", """
                {"intoAgencyId":"ubnd-tinh","effectiveDate":"2025-07-01","decisionReference":"%s"}""".formatted(DECISION)));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> "ubnd-tinh".equals(agency("vp-hdnd-ubnd-tu-son").path("parentAgencyId").asText()));
        JsonNode city = agency("ubnd-tp-tu-son");
        assertThat(city.path("mergedInto").asText()).isEqualTo("ubnd-tinh");
        assertThat(city.path("closedOn").asText()).isEqualTo("2025-07-01");
        assertThat(agency("phuong-dong-ngan").path("parentAgencyId").asText()).isEqualTo("ubnd-tinh");
        // the city monitored the branch's indicator: that passes to UBND tỉnh too, from the same date
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                "ubnd-tinh".equals(http.get(platform.queries + "/api/indicators/" + INDICATOR).body().path("monitoringAgencyId").asText()));

        List<String> changes = new ArrayList<>();
        http.get(platform.queries + "/api/agencies/ubnd-tinh/changes").body().forEach(c ->
                changes.add(c.path("change").asText() + " " + c.path("before").asText() + " -> " + c.path("after").asText() + " " + c.path("effectiveDate").asText()));
        assertThat(changes).containsExactly("MERGED ubnd-tp-tu-son -> ubnd-tinh 2025-07-01");
        JsonNode branch = http.get(platform.queries + "/api/agencies/cn-tthcc-tu-son/changes").body();
        assertThat(branch.get(0).path("decisionReference").asText()).isEqualTo(DECISION);

        // the agency page says so
        ChromeDriver browser = Chromium.open();
        try {
            Chromium.signIn(browser, platform.queries, "dieu-phoi");
            browser.get(platform.queries + "/app/agencies/cn-tthcc-tu-son");
            assertThat(browser.findElement(By.id("agency-merged")).getText()).contains("van-phong-ubnd.trung-tam-phvcc", "2025-07-01");
            assertThat(browser.findElement(By.cssSelector("#agency-changes .MERGED")).getText()).contains("Hợp nhất", DECISION);
            browser.get(platform.queries + "/app/agencies/van-phong-ubnd.trung-tam-phvcc");
            assertThat(browser.findElement(By.cssSelector("#agency-changes .MERGED")).getText()).contains("cn-tthcc-tu-son");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aMergedAgencyChangesNoMoreAndNoAgencyGoesUnderItself() {
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"phuong-dinh-bang","name":"UBND phường Đình Bảng","kind":"COMMUNE_WARD","parentAgencyId":"ubnd-tinh"}"""));
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"phuong-tan-hong","name":"UBND phường Tân Hồng","kind":"COMMUNE_WARD","parentAgencyId":"ubnd-tinh"}"""));
        assertThat(http.post(platform.commands + "/api/agencies/phuong-dinh-bang/merger", """
                {"intoAgencyId":"phuong-dinh-bang","effectiveDate":"2025-07-01","decisionReference":"x"}""").status()).isEqualTo(400);
        assertThat(http.post(platform.commands + "/api/agencies/ubnd-tinh/move", """
                {"toParentAgencyId":"phuong-dinh-bang","effectiveDate":"2025-07-01","decisionReference":"x"}""").status())
                .as("the province under one of its wards").isEqualTo(400);
        assertThat(http.post(platform.commands + "/api/agencies/phuong-tan-hong/merger", """
                {"intoAgencyId":"phuong-dinh-bang","effectiveDate":"2025-07-01"}""").status()).as("no decision").isEqualTo(400);
        accepted(http.post(platform.commands + "/api/agencies/phuong-tan-hong/merger", """
                {"intoAgencyId":"phuong-dinh-bang","effectiveDate":"2025-07-01","decisionReference":"%s"}""".formatted(DECISION)));
        assertThat(http.post(platform.commands + "/api/agencies/phuong-tan-hong/renaming", """
                {"name":"UBND phường Tân Hồng mới","effectiveDate":"2025-08-01","decisionReference":"x"}""").status()).isEqualTo(409);
        assertThat(http.post(platform.commands + "/api/agencies/phuong-tan-hong/heads", """
                {"holder":"Chủ tịch UBND phường","position":"Chủ tịch","acting":false,"decisionReference":"x","from":"2025-08-01"}""").status())
                .isEqualTo(409);
        assertThat(http.post(platform.commands + "/api/agencies/phuong-dong-ngan/merger", """
                {"intoAgencyId":"phuong-tan-hong","effectiveDate":"2025-08-01","decisionReference":"x"}""").status())
                .as("into an agency that has ended").isEqualTo(409);
        accepted(http.post(platform.commands + "/api/agencies/phuong-dinh-bang/renaming", """
                {"name":"UBND phường Đình Bảng (sau sắp xếp)","effectiveDate":"2025-07-01","decisionReference":"%s"}""".formatted(DECISION)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                agency("phuong-dinh-bang").path("name").asText().equals("UBND phường Đình Bảng (sau sắp xếp)"));
        JsonNode renamed = http.get(platform.queries + "/api/agencies/phuong-dinh-bang/changes").body();
        List<String> kinds = new ArrayList<>();
        renamed.forEach(c -> kinds.add(c.path("change").asText() + ":" + c.path("before").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("MERGED:phuong-tan-hong", "RENAMED:UBND phường Đình Bảng");
    }

    /**
     * The city's economic division (it leads row 2.3 of plan 003) ends with the district level, its work split between
     * a provincial department and a ward: the decision gives the indicator to the department, the first part takes the rest.
     */
    @Test
    void aSplitGivesEachRecordToThePartTheDecisionNames() {
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"phong-kt-ht-dt-tu-son","name":"Phòng Kinh tế, Hạ tầng và Đô thị","kind":"DIVISION","parentAgencyId":"ubnd-tp-tu-son"}"""));
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"so-cong-thuong","name":"Sở Công Thương","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""));
        String growth = "KH-TU-SON-NQ57.2.3";
        created(http.post(platform.commands + "/api/indicators", """
                {"indicatorId":"KH-TU-SON-NQ57.2.3","planId":"KH-TU-SON-NQ57","code":"2.3",
                 "name":"Tăng trưởng 30%/năm, tập trung vào một số ngành, lĩnh vực trọng điểm","unit":"%","measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":40},"asWritten":">=40%"}],
                 "leadAgencyId":"phong-kt-ht-dt-tu-son","monitoringAgencyId":"phong-kt-ht-dt-tu-son"}"""));
        created(http.post(platform.commands + "/api/tasks", """
                {"taskId":"KH-TU-SON-NQ57.NV-9","planId":"KH-TU-SON-NQ57","leadAgencyId":"phong-kt-ht-dt-tu-son",
                 "content":"Tuyến phố chính trên địa bàn thành phố được thực hiện ngầm hóa mạng, cáp viễn thông","deadline":{"dueDate":"2028-12-31","asWritten":"Từ năm 2025- 2028"}}"""));
        String split = platform.commands + "/api/agencies/phong-kt-ht-dt-tu-son/split";
        assertThat(http.post(split, """
                {"intoAgencyIds":["phuong-dong-ngan"],"effectiveDate":"2025-07-01","decisionReference":"x"}""").status())
                .as("one part is a merger").isEqualTo(400);
        Http.Response stranger = http.post(split, """
                {"intoAgencyIds":["phuong-dong-ngan","so-cong-thuong"],"assignments":{"QD-1305-2025.C.16":"so-cong-thuong"},
                 "effectiveDate":"2025-07-01","decisionReference":"x"}""");
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body().toString()).contains("assignments[QD-1305-2025.C.16]");
        assertThat(http.post(split, """
                {"intoAgencyIds":["phuong-dong-ngan","so-cong-thuong"],"assignments":{"KH-TU-SON-NQ57.2.3":"so-khcn"},
                 "effectiveDate":"2025-07-01","decisionReference":"x"}""").status()).as("not a part").isEqualTo(400);
        accepted(http.post(split, """
                {"intoAgencyIds":["phuong-dong-ngan","so-cong-thuong"],"assignments":{"KH-TU-SON-NQ57.2.3":"so-cong-thuong"},
                 "effectiveDate":"2025-07-01","decisionReference":"%s"}""".formatted(DECISION)));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                "so-cong-thuong".equals(http.get(platform.queries + "/api/indicators/" + growth).body().path("leadAgencyId").asText())
                        && "phuong-dong-ngan".equals(http.get(platform.queries + "/api/tasks/KH-TU-SON-NQ57.NV-9").body().path("leadAgencyId").asText()));
        assertThat(http.get(platform.queries + "/api/indicators/" + growth).body().path("monitoringAgencyId").asText())
                .as("the monitoring goes with the indicator the decision names").isEqualTo("so-cong-thuong");
        JsonNode ended = agency("phong-kt-ht-dt-tu-son");
        assertThat(ended.path("closedOn").asText()).isEqualTo("2025-07-01");
        assertThat(ended.path("mergedInto").isTextual()).isFalse();
        JsonNode part = http.get(platform.queries + "/api/agencies/so-cong-thuong/changes").body();
        assertThat(part.get(0).path("change").asText()).isEqualTo("SPLIT");
        assertThat(part.get(0).path("after").asText()).isEqualTo("phuong-dong-ngan, so-cong-thuong");
        assertThat(http.post(split, """
                {"intoAgencyIds":["phuong-dong-ngan","so-cong-thuong"],"effectiveDate":"2025-08-01","decisionReference":"x"}""").status())
                .as("an agency that has ended").isEqualTo(409);
        theLeadsBackfilledFromTheHistoryAreThoseTheProjectionWrote();

        ChromeDriver browser = Chromium.open();
        try {
            Chromium.signIn(browser, platform.queries, "dieu-phoi");
            browser.get(platform.queries + "/app/agencies/phong-kt-ht-dt-tu-son");
            assertThat(browser.findElement(By.id("agency-split")).getText()).contains("2025-07-01");
            assertThat(browser.findElement(By.cssSelector("#agency-changes .SPLIT")).getText()).contains("Chia tách", "so-cong-thuong");
        } finally {
            browser.quit();
        }
    }

    /**
     * Who led an indicator from when is kept apart for the reporting calendar (V25); for the rows projected before, the
     * migration fills it from the indicators' history. Both give the same rows, the split's reassignment among them.
     */
    private static void theLeadsBackfilledFromTheHistoryAreThoseTheProjectionWrote() {
        JdbcTemplate jdbc = platform.querySide.getBean(JdbcTemplate.class);
        String leads = "select indicator_id, version, recorded_at, lead_agency_id from projection.indicator_lead order by 1, 2";
        List<Map<String, Object>> written = jdbc.queryForList(leads);
        assertThat(written).extracting(row -> row.get("lead_agency_id")).contains("phong-kt-ht-dt-tu-son", "so-cong-thuong");
        String migration;
        try (var in = AgencyChangesTest.class.getResourceAsStream("/db/query-side/V25__indicator_leads.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String backfill = migration.substring(migration.indexOf("insert into projection.indicator_lead"));
        new TransactionTemplate(platform.querySide.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            jdbc.update("delete from projection.indicator_lead");
            jdbc.execute(backfill);
            assertThat(jdbc.queryForList(leads)).isEqualTo(written);
            tx.setRollbackOnly();
        });
    }

    private static JsonNode agency(String agencyId) {
        for (JsonNode a : http.get(platform.queries + "/api/agencies?size=100").body().path("items")) {
            if (a.path("agencyId").asText().equals(agencyId)) {
                return a;
            }
        }
        throw new AssertionError("no agency " + agencyId);
    }
}
