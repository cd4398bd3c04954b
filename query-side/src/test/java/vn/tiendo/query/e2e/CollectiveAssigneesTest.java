package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * "UBND các phường" in the city plan (003, Từ Sơn) as a group, defined from the import page when the name is not
 * known: its row 3.1 (every resident with a digital identity, 100%) and its project 10 (street cameras) give each of
 * three wards its own share. The city sees the group on its
 * page and the weakest ward's figure as its own roll-up; a ward's officer sees their share and no other ward's.
 */
class CollectiveAssigneesTest {

    private static final String PLAN = "KH-TU-SON-NQ57";
    private static final String ROW = PLAN + ".3.1";
    private static final String CAMERAS = PLAN + ".NV-10";
    private static final List<String> WARDS = List.of("phuong-dong-ngan", "phuong-dinh-bang", "phuong-tan-hong");

    private static Platform platform;
    private static final Http http = new Http();

    @BeforeAll
    static void theCityItsWardsAndTheirGroup() throws Exception {
        platform = Platform.start("tiendo_test_collective_assignees", null);
        platform.registerStrategyPlan(http);
        assertThat(http.upload(platform.commands + "/api/imports/agencies", "tu-son.csv", """
                Mã,Tên,Loại,Cơ quan cấp trên
                ubnd-tp-tu-son,UBND thành phố Từ Sơn,DISTRICT,ubnd-tinh
                phuong-dong-ngan,UBND phường Đông Ngàn,COMMUNE_WARD,ubnd-tp-tu-son
                phuong-dinh-bang,UBND phường Đình Bảng,COMMUNE_WARD,ubnd-tp-tu-son
                phuong-tan-hong,UBND phường Tân Hồng,COMMUNE_WARD,ubnd-tp-tu-son
                """).status()).isEqualTo(200);
        created(http.post(platform.commands + "/api/plans", """
                {"planId":"KH-TU-SON-NQ57","documentNumber":"KH-UBND (tháng 02/2025)","issuer":"UBND thành phố Từ Sơn",
                 "title":"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của thành phố Từ Sơn","periodStart":"2025-01-01","periodEnd":"2030-12-31"}"""));
        // the coordinator imports row 3.1 on the import page: the lead "UBND các phường" names nobody yet, so the page offers to
        // define it as a group of the city's wards; the same file previews again with each ward's share
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get(platform.queries + "/api/agencies?parentAgencyId=ubnd-tp-tu-son").body().path("items").size() == 3);
        Path appendix = Files.createTempFile("phu-luc-1", ".csv");
        Files.writeString(appendix, """
                TT,Chỉ tiêu năm 2025,Đơn vị tính,Kết quả,"Cơ quan chủ trì theo, dõi đánh giá"
                3,Xã hội số,,,
                3.1,Mỗi người dân có 01 định danh số,%,100% người dân có định danh số,UBND các phường
                """, StandardCharsets.UTF_8);
        ChromeDriver browser = Chromium.open();
        try {
            Chromium.signIn(browser, platform.queries, "dieu-phoi");
            browser.get(platform.queries + "/app/imports");
            new Select(browser.findElement(By.id("import-kind"))).selectByValue("indicators");
            new Select(browser.findElement(By.id("import-plan"))).selectByValue(PLAN);
            browser.findElement(By.id("import-file")).sendKeys(appendix.toAbsolutePath().toString());
            submit(browser, browser.findElement(By.id("import-preview")));
            WebElement unknown = browser.findElement(By.cssSelector("#unknown-names .unknown-name[data-name='UBND các phường']"));
            WebElement group = unknown.findElement(By.cssSelector("form.define-group"));
            new Select(group.findElement(By.name("ownerAgencyId"))).selectByValue("ubnd-tp-tu-son");
            new Select(group.findElement(By.name("memberKind"))).selectByValue("COMMUNE_WARD");
            submit(browser, group.findElement(By.cssSelector("button.define-group-button")));
            assertThat(browser.findElement(By.id("flash-message")).getText()).contains("\"UBND các phường\"", "3");
            assertThat(browser.findElement(By.id("preview-counts")).getText()).isEqualTo("1 dòng: 4 mới, 0 điều chỉnh, 0 không đổi.");
            assertThat(browser.findElements(By.cssSelector("#preview-rows tr[data-record='" + ROW + ":phuong-tan-hong']"))).hasSize(1);
            submit(browser, browser.findElement(By.id("import-apply")));
            assertThat(browser.findElement(By.id("flash-message")).getText()).contains("4 mới");
        } finally {
            browser.quit();
        }
        Http.Response tasks = http.upload(platform.commands + "/api/imports/tasks?planId=" + PLAN, "du-an.csv", """
                STT,"Tên dự án, nhiệm vụ",Chủ trì,Dự toán kinh phí thực hiện,Thời gian hoàn thành
                10,"Các tuyến phố chính trên địa bàn thành phố được lắp đặt hệ thống camera giám sát an ninh, giao thông, môi trường…",UBND các phường,12.000.000.000 đồng,Từ năm 2025- 2026
                """);
        assertThat(tasks.body().path("created").asInt()).as(tasks.body().toString()).isEqualTo(3);
        int[] figures = {96, 88, 93};
        for (int i = 0; i < WARDS.size(); i++) {
            created(http.post(platform.commands + "/api/indicators/" + ROW + ":" + WARDS.get(i) + "/reports", """
                    {"period":"2025-11","value":{"kind":"PERCENT","value":%d},"note":"Báo cáo tháng 11/2025"}""".formatted(figures[i])));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                http.get(platform.queries + "/api/indicators/" + ROW + ":phuong-tan-hong/series").body().size() == 1
                        && http.get(platform.queries + "/api/tasks/" + CAMERAS + ":phuong-tan-hong").status() == 200);
    }

    /** On the agency page: ticks or unticks one candidate of the group's form and records the members from a date. */
    private static void changeMembers(ChromeDriver browser, String agencyId, String from, String reason) {
        WebElement form = browser.findElement(By.cssSelector("#agency-groups form.change-group"));
        form.findElement(By.cssSelector("input[name='memberAgencyIds'][value='" + agencyId + "']")).click();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("effectiveDate")), from);
        form.findElement(By.name("reason")).sendKeys(reason);
        submit(browser, form.findElement(By.cssSelector("button.change-group-button")));
    }

    /** Clicks a button that leaves the page and waits until the page has gone. */
    private static void submit(ChromeDriver browser, WebElement button) {
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Chromium.gone(button));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void eachWardHasItsShareAndTheCitySeesTheWeakestWardsFigure() {
        JsonNode groups = http.get(platform.queries + "/api/agency-groups").body();
        assertThat(groups).hasSize(1);
        JsonNode group = groups.get(0);
        assertThat(group.path("name").asText()).isEqualTo("UBND các phường");
        assertThat(group.path("ownerAgencyName").asText()).isEqualTo("UBND thành phố Từ Sơn");
        List<String> members = new ArrayList<>();
        group.path("members").forEach(m -> members.add(m.path("agencyId").asText() + "=" + m.path("name").asText()));
        assertThat(members).as("the wards under the city when the group was defined").containsExactlyInAnyOrder("phuong-dong-ngan=UBND phường Đông Ngàn", "phuong-dinh-bang=UBND phường Đình Bảng",
                "phuong-tan-hong=UBND phường Tân Hồng");
        assertThat(http.get(platform.queries + "/api/agency-groups?agencyId=phuong-dinh-bang").body()).hasSize(1);
        assertThat(http.get(platform.queries + "/api/agency-groups?agencyId=so-khcn").body()).isEmpty();

        JsonNode share = http.get(platform.queries + "/api/tasks/" + CAMERAS + ":phuong-dong-ngan").body();
        assertThat(share.path("leadAgencyId").asText()).isEqualTo("phuong-dong-ngan");
        assertThat(share.path("collectiveGroupName").asText()).isEqualTo("UBND các phường");
        assertThat(http.get(platform.queries + "/api/tasks/" + CAMERAS + ":phuong-dong-ngan/shares").body()).hasSize(3);
        // a ward's officer sees their own share, not the other wards'
        JsonNode own = http.as("can-bo.phuong-dong-ngan").get(platform.queries + "/api/tasks/" + CAMERAS + ":phuong-dong-ngan/shares").body();
        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("taskId").asText()).isEqualTo(CAMERAS + ":phuong-dong-ngan");
        assertThat(http.as("can-bo.phuong-dong-ngan").get(platform.queries + "/api/tasks/" + CAMERAS + ":phuong-tan-hong/shares").status())
                .isEqualTo(404);

        // the row's figure: the lowest ward's (every ward must reach 100%)
        JsonNode rollUp = http.get(platform.queries + "/api/indicators/" + ROW + "/roll-up?period=2025-11").body();
        assertThat(rollUp.path("rule").asText()).isEqualTo("MINIMUM");
        assertThat(rollUp.path("rolledUp").path("value").decimalValue()).isEqualByComparingTo("88");
        assertThat(rollUp.path("contributions")).hasSize(3);
        assertThat(rollUp.path("complete").asBoolean()).isTrue();
    }

    @Test
    void theMonitoringAgencyChangesFromADateAndTheIndicatorSaysSo() {
        String share = ROW + ":phuong-dinh-bang";
        accepted(http.post(platform.commands + "/api/indicators/" + share + "/monitoring", """
                {"toAgencyId":"ubnd-tinh","reason":"Thành phố thôi là cấp huyện (dữ liệu mẫu)","effectiveDate":"2025-07-01"}"""));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                "ubnd-tinh".equals(http.get(platform.queries + "/api/indicators/" + share).body().path("monitoringAgencyId").asText()));
        List<String> types = new ArrayList<>();
        http.get(platform.queries + "/api/audit/history/" + share).body().forEach(e -> types.add(e.path("eventType").asText()));
        assertThat(types).contains("IndicatorMonitoringReassigned");
    }

    /** The city's page lists the group; a ward's share names the group and leads to the other wards' shares. */
    @Test
    void theGroupAndTheSharesAreOnThePages() {
        ChromeDriver browser = Chromium.open();
        try {
            Chromium.signIn(browser, platform.queries, "dieu-phoi");
            browser.get(platform.queries + "/app/agencies/ubnd-tp-tu-son");
            String card = browser.findElement(By.id("agency-groups")).getText();
            assertThat(card).contains("UBND các phường", "UBND phường Đông Ngàn", "UBND phường Tân Hồng");
            // the coordinator takes Tân Hồng out of the group from a date, then puts it back
            changeMembers(browser, "phuong-tan-hong", "2025-07-01", "Phường Tân Hồng sắp xếp lại (dữ liệu mẫu)");
            // (the page reloads itself when the change is projected, so its flash message may already be gone)
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    http.get(platform.queries + "/api/agency-groups").body().get(0).path("members").size() == 2);
            browser.navigate().refresh();
            assertThat(browser.findElement(By.cssSelector("#agency-groups .agency-group p:nth-of-type(2)")).getText())
                    .doesNotContain("UBND phường Tân Hồng").contains("2025-07-01");
            changeMembers(browser, "phuong-tan-hong", "2025-08-01", "Giữ nguyên như kế hoạch (dữ liệu mẫu)");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    http.get(platform.queries + "/api/agency-groups").body().get(0).path("members").size() == 3);
            browser.get(platform.queries + "/app/tasks/" + CAMERAS + ":phuong-dong-ngan");
            assertThat(browser.findElement(By.id("task-share")).getText()).contains("UBND phường Đông Ngàn", "UBND các phường");
            assertThat(browser.findElements(By.cssSelector("#task-shares .task-share-row"))).hasSize(3);
            browser.findElement(By.linkText("UBND phường Tân Hồng")).click();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith(CAMERAS + ":phuong-tan-hong"));
            assertThat(browser.findElement(By.id("task-share")).getText()).contains("UBND phường Tân Hồng");
        } finally {
            browser.quit();
        }
    }
}
