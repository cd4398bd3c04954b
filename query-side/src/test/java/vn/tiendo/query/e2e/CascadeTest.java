package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * Plans that cascade: Decision 1305's C.16 (online dossiers, province) is implemented by the Từ Sơn city plan's row
 * 1.1 (plan 003: "khối địa phương đạt tối thiểu 70%"), which three of the city's wards implement in their own plans.
 * The province's figure is rolled up from the city's, the city's from the wards' reports, as of any moment, and each
 * figure drills down to the reports behind it.
 */
class CascadeTest {

    private static final String PROVINCE = "QD-1305-2025.C.16";
    private static final String CITY = "KH-TU-SON-NQ57.1.1";
    private static final List<String> WARDS = List.of("phuong-dong-ngan", "phuong-dinh-bang", "phuong-tan-hong");

    private static Platform platform;
    private static final Http http = new Http();
    /** After the November reports, before December's. */
    private static Instant afterNovember;

    @BeforeAll
    static void theProvinceTheCityAndThreeWards() throws Exception {
        platform = Platform.start("tiendo_test_cascade", null);
        platform.registerStrategyPlan(http);
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"van-phong-ubnd","name":"Văn phòng UBND tỉnh","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""));
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"ubnd-tp-tu-son","name":"UBND thành phố Từ Sơn","kind":"DISTRICT","parentAgencyId":"ubnd-tinh"}"""));
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"cn-tthcc-tu-son","name":"Chi nhánh Trung tâm Hành chính công","kind":"DIVISION","parentAgencyId":"ubnd-tp-tu-son"}"""));
        for (String[] ward : new String[][]{{"phuong-dong-ngan", "UBND phường Đông Ngàn"}, {"phuong-dinh-bang", "UBND phường Đình Bảng"},
                {"phuong-tan-hong", "UBND phường Tân Hồng"}}) {
            created(http.post(platform.commands + "/api/agencies", """
                    {"agencyId":"%s","name":"%s","kind":"COMMUNE_WARD","parentAgencyId":"ubnd-tp-tu-son"}""".formatted(ward[0], ward[1])));
        }
        created(http.post(platform.commands + "/api/indicators", """
                {"indicatorId":"QD-1305-2025.C.16","planId":"QD-1305-2025","code":"C.16","name":"Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.",
                 "unit":"%","measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":70},"asWritten":"≥ 70%"},
                            {"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"100%"}],
                 "leadAgencyId":"van-phong-ubnd","monitoringAgencyId":"so-khcn"}"""));
        created(http.post(platform.commands + "/api/plans", """
                {"planId":"KH-TU-SON-NQ57","documentNumber":"KH-UBND (tháng 02/2025)","issuer":"UBND thành phố Từ Sơn",
                 "title":"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của thành phố Từ Sơn","periodStart":"2025-01-01","periodEnd":"2030-12-31"}"""));
        created(http.post(platform.commands + "/api/indicators", """
                {"indicatorId":"KH-TU-SON-NQ57.1.1","planId":"KH-TU-SON-NQ57","code":"1.1",
                 "name":"Tỉ lệ hồ sơ trực tuyến toàn trình của cả thành phố: 80%, trong đó khối cơ quan thành phố đạt tối thiểu 85%, khối địa phương đạt tối thiểu 70%.",
                 "unit":"%","measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":70},"asWritten":"Khối địa phương đạt 70%"}],
                 "leadAgencyId":"cn-tthcc-tu-son","monitoringAgencyId":"ubnd-tp-tu-son"}"""));
        for (String ward : WARDS) {
            String plan = "KH-" + ward.toUpperCase() + "-NQ57";
            created(http.post(platform.commands + "/api/plans", """
                    {"planId":"%s","documentNumber":"KH-UBND (dữ liệu mẫu)","issuer":"UBND %s",
                     "title":"Kế hoạch thực hiện Kế hoạch của UBND thành phố Từ Sơn về Nghị quyết số 57-NQ/TW","periodStart":"2025-03-01","periodEnd":"2030-12-31"}"""
                    .formatted(plan, ward)));
            created(http.post(platform.commands + "/api/indicators", """
                    {"indicatorId":"%1$s.1","planId":"%1$s","code":"1","name":"Tỉ lệ hồ sơ trực tuyến toàn trình của phường","unit":"%%",
                     "measure":{"kind":"PERCENT"},"direction":"INCREASE",
                     "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":70},"asWritten":"Đạt tối thiểu 70%%"}],
                     "leadAgencyId":"%2$s","monitoringAgencyId":"ubnd-tp-tu-son"}""".formatted(plan, ward)));
            accepted(http.post(platform.commands + "/api/indicators/" + plan + ".1/link", """
                    {"implementsIndicatorId":"KH-TU-SON-NQ57.1.1","reason":"Kế hoạch của phường thực hiện chỉ tiêu 1.1 của thành phố"}"""));
        }
        // the city's figure for its wards is the lowest ward's ("tối thiểu 70%"); the province weighs each city by its wards (12 in Từ Sơn)
        accepted(http.post(platform.commands + "/api/indicators/" + CITY + "/roll-up-rule", """
                {"rule":"MINIMUM","reason":"Khối địa phương đạt tối thiểu 70%: phường thấp nhất"}"""));
        accepted(http.post(platform.commands + "/api/indicators/" + CITY + "/link", """
                {"implementsIndicatorId":"QD-1305-2025.C.16","weight":12,"reason":"Kế hoạch thành phố thực hiện chỉ tiêu C.16 của tỉnh"}"""));
        accepted(http.post(platform.commands + "/api/indicators/" + PROVINCE + "/roll-up-rule", """
                {"rule":"WEIGHTED_AVERAGE","weightLabel":"số phường","reason":"Tỷ lệ của tỉnh: bình quân các địa phương theo số phường"}"""));

        report(ward(0), "2025-11", 72);
        report(ward(1), "2025-11", 65);
        report(ward(2), "2025-11", 80);
        awaitReports(ward(2), 1);
        afterNovember = Instant.now();
        Thread.sleep(5);
        report(ward(0), "2025-12", 75);
        report(ward(1), "2025-12", 71);
        report(ward(2), "2025-12", 82);
        // the city reports its own December figure as well, higher than its lowest ward's
        report(CITY, "2025-12", 74);
        awaitReports(CITY, 1);
        awaitReports(ward(2), 2);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theProvincesFigureIsBuiltFromTheCitysAndTheCitysFromItsWardsReports() {
        JsonNode december = rollUp(PROVINCE, "period=2025-12");
        assertThat(december.path("rule").asText()).isEqualTo("WEIGHTED_AVERAGE");
        assertThat(december.path("weightLabel").asText()).isEqualTo("số phường");
        assertThat(december.path("period").asText()).isEqualTo("2025-12");
        // the city reported 74 itself: that is its figure at the province; its own roll-up (the lowest ward, 71) disagrees
        JsonNode city = december.path("contributions").get(0);
        assertThat(city.path("indicatorId").asText()).isEqualTo(CITY);
        assertThat(city.path("source").asText()).isEqualTo("REPORTED");
        assertThat(city.path("figure").path("value").decimalValue()).isEqualByComparingTo("74");
        assertThat(city.path("weight").decimalValue()).isEqualByComparingTo("12");
        assertThat(december.path("rolledUp").path("value").decimalValue()).isEqualByComparingTo("74");
        JsonNode wards = city.path("rollUp");
        assertThat(wards.path("rule").asText()).isEqualTo("MINIMUM");
        assertThat(wards.path("rolledUp").path("value").decimalValue()).isEqualByComparingTo("71");
        assertThat(wards.path("reported").path("value").decimalValue()).isEqualByComparingTo("74");
        assertThat(wards.path("mismatch").asBoolean()).as("the city's own figure against its wards'").isTrue();
        assertThat(wards.path("complete").asBoolean()).isTrue();
        // drill down to the wards' reports: who sent which report, approved, meeting their own 70% or not
        List<String> reports = new ArrayList<>();
        wards.path("contributions").forEach(w -> reports.add(w.path("leadAgencyId").asText() + " " + w.path("figure").path("value").asText()
                + " " + w.path("achieved").asBoolean() + " " + w.path("reportedBy").asText() + " " + !w.path("reportId").asText().isEmpty()));
        assertThat(reports).containsExactly("phuong-dinh-bang 71 true dieu-phoi true", "phuong-dong-ngan 75 true dieu-phoi true",
                "phuong-tan-hong 82 true dieu-phoi true");

        // November: the city reported nothing, so its figure is its wards' lowest (65, below the wards' 70%)
        JsonNode november = rollUp(PROVINCE, "period=2025-11");
        JsonNode cityInNovember = november.path("contributions").get(0);
        assertThat(cityInNovember.path("source").asText()).isEqualTo("ROLLED_UP");
        assertThat(cityInNovember.path("figure").path("value").decimalValue()).isEqualByComparingTo("65");
        assertThat(cityInNovember.path("achieved").asBoolean()).isFalse();
        assertThat(november.path("rolledUp").path("value").decimalValue()).isEqualByComparingTo("65");
        assertThat(november.path("mismatch").asBoolean()).as("the province reported nothing itself").isFalse();
        // without a period: the latest anyone below reported
        assertThat(rollUp(PROVINCE, "").path("period").asText()).isEqualTo("2025-12");
    }

    @Test
    void asOfAMomentTheRollUpIsWhatTheReportsAndLinksWereThen() {
        JsonNode then = rollUp(PROVINCE, "period=2025-12&asOf=" + afterNovember);
        JsonNode city = then.path("contributions").get(0);
        assertThat(city.path("source").asText()).as("December's reports were not sent yet").isEqualTo("MISSING");
        assertThat(then.hasNonNull("rolledUp")).isFalse();
        assertThat(then.path("complete").asBoolean()).isFalse();
        assertThat(city.path("rollUp").path("contributions")).hasSize(3);
        assertThat(rollUp(PROVINCE, "asOf=" + afterNovember).path("period").asText()).isEqualTo("2025-11");
    }

    @Test
    void aWardUnlinkedNoLongerCountsButDidBefore() throws Exception {
        String tanHong = ward(2);
        Instant linked = Instant.now();
        Thread.sleep(5);
        accepted(http.post(platform.commands + "/api/indicators/" + tanHong + "/unlink", """
                {"reason":"Phường được sắp xếp lại; chỉ tiêu theo dõi ở đơn vị mới"}"""));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                rollUp(CITY, "period=2025-12").path("contributions").size() == 2);
        assertThat(rollUp(CITY, "period=2025-12&asOf=" + linked).path("contributions")).hasSize(3);
        accepted(http.post(platform.commands + "/api/indicators/" + tanHong + "/link", """
                {"implementsIndicatorId":"KH-TU-SON-NQ57.1.1","reason":"Liên kết lại"}"""));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                rollUp(CITY, "period=2025-12").path("contributions").size() == 3);
    }

    /**
     * From 1 December 2025 Tân Hồng reports to the province directly (sample dates): its link to the city ends for the
     * periods from December and a link to the province begins with them, so November rolls up as the levels were then
     * and December as they are since.
     */
    @Test
    void aWardThatMovesUnderTheProvinceFromADateCountsThereFromThenAndInTheCityBefore() {
        String tanHong = ward(2);
        accepted(http.post(platform.commands + "/api/indicators/" + tanHong + "/unlink", """
                {"reason":"Từ 01/12/2025 phường báo cáo trực tiếp UBND tỉnh (dữ liệu mẫu)","effectiveFrom":"2025-12-01"}"""));
        accepted(http.post(platform.commands + "/api/indicators/" + tanHong + "/link", """
                {"implementsIndicatorId":"%s","weight":1,"reason":"Phường trực thuộc tỉnh (dữ liệu mẫu)","effectiveFrom":"2025-12-01"}"""
                .formatted(PROVINCE)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                rollUp(PROVINCE, "period=2025-12").path("contributions").size() == 2);
        List<String> december = new ArrayList<>();
        rollUp(PROVINCE, "period=2025-12").path("contributions").forEach(c -> december.add(c.path("indicatorId").asText()));
        assertThat(december).containsExactlyInAnyOrder(CITY, tanHong);
        assertThat(rollUp(CITY, "period=2025-12").path("contributions")).as("the city's December without it").hasSize(2);
        JsonNode november = rollUp(PROVINCE, "period=2025-11");
        assertThat(november.path("contributions")).as("November as the levels were then").hasSize(1);
        assertThat(november.path("contributions").get(0).path("rollUp").path("contributions")).hasSize(3);
        assertThat(rollUp(CITY, "period=2025-11").path("contributions")).hasSize(3);

        // as it was: back under the city for every period
        accepted(http.post(platform.commands + "/api/indicators/" + tanHong + "/unlink", """
                {"reason":"Trả lại như kế hoạch của thành phố"}"""));
        accepted(http.post(platform.commands + "/api/indicators/" + tanHong + "/link", """
                {"implementsIndicatorId":"KH-TU-SON-NQ57.1.1","reason":"Trả lại như kế hoạch của thành phố"}"""));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                rollUp(CITY, "period=2025-12").path("contributions").size() == 3
                        && rollUp(PROVINCE, "period=2025-12").path("contributions").size() == 1);
    }

    @Test
    void linksAndRulesThatCannotHoldAreRefused() {
        // a circle: the province's indicator cannot implement the city's, which implements it
        Http.Response circle = http.post(platform.commands + "/api/indicators/" + PROVINCE + "/link", """
                {"implementsIndicatorId":"KH-TU-SON-NQ57.1.1"}""");
        assertThat(circle.status()).isEqualTo(400);
        assertThat(circle.body().toString()).contains("implementsIndicatorId", "circle");
        // one indicator above at a time
        assertThat(http.post(platform.commands + "/api/indicators/" + ward(0) + "/link", """
                {"implementsIndicatorId":"QD-1305-2025.C.16"}""").status()).isEqualTo(409);
        assertThat(http.post(platform.commands + "/api/indicators/" + ward(0) + "/link", """
                {"implementsIndicatorId":"QD-1305-2025.KHONG-CO"}""").status()).isEqualTo(400);
        assertThat(http.post(platform.commands + "/api/indicators/" + ward(0) + "/link", """
                {"implementsIndicatorId":"KH-TU-SON-NQ57.1.1","weight":-1}""").status()).isEqualTo(400);
        // a percentage is not "all achieved" (Đạt / Chưa đạt)
        Http.Response misfit = http.post(platform.commands + "/api/indicators/" + CITY + "/roll-up-rule", """
                {"rule":"ALL_ACHIEVED"}""");
        assertThat(misfit.status()).isEqualTo(400);
        assertThat(misfit.body().toString()).contains("rule");
        // only the coordinating department links plans
        assertThat(http.as("lanh-dao.ubnd-tp-tu-son").post(platform.commands + "/api/indicators/" + ward(0) + "/unlink", """
                {"reason":"thử"}""").status()).isEqualTo(403);
    }

    @Test
    void theCitysHeadSeesItsWardsAndAWardOfficerNotTheCitysFigure() {
        JsonNode city = http.as("lanh-dao.ubnd-tp-tu-son").get(platform.queries + "/api/indicators/" + CITY + "/roll-up?period=2025-11").body();
        assertThat(city.path("contributions").size() + city.path("hidden").asInt()).isEqualTo(city.path("contributors").asInt());
        assertThat(city.path("hidden").asInt()).isZero();
        assertThat(http.as("lanh-dao.ubnd-tp-tu-son").get(platform.queries + "/api/indicators/" + PROVINCE + "/roll-up").status()).isEqualTo(404);
        assertThat(http.as("can-bo.phuong-dong-ngan").get(platform.queries + "/api/indicators/" + CITY + "/roll-up").status()).isEqualTo(404);
        // an indicator nobody rolls up answers with no rule
        JsonNode ward = http.as("can-bo.phuong-dong-ngan").get(platform.queries + "/api/indicators/" + ward(0) + "/roll-up").body();
        assertThat(ward.hasNonNull("rule")).isFalse();
        assertThat(ward.path("contributions")).isEmpty();
        assertThat(http.as("can-bo.phuong-dong-ngan").get(platform.queries + "/api/indicators/" + ward(0)).body()
                .path("implementsIndicatorId").asText()).isEqualTo(CITY);
    }

    /** The page: the province's figure, the city under it with its own roll-up and mismatch, a click down to a ward's report. */
    @Test
    void theCoordinatorDrillsDownFromTheProvincesFigureToAWardsReportOnThePage() throws Exception {
        ChromeDriver browser = Chromium.open();
        try {
            Chromium.signIn(browser, platform.queries, "dieu-phoi");
            browser.get(platform.queries + "/app/indicators/" + PROVINCE + "?rollUpPeriod=2025-12");
            WebElement card = browser.findElement(By.id("roll-up"));
            assertThat(card.findElement(By.tagName("h2")).getText()).contains("bình quân gia quyền", "số phường");
            assertThat(browser.findElement(By.id("roll-up-figure")).getText()).isEqualTo("74");
            WebElement city = browser.findElement(By.cssSelector("#roll-up-rows tr[data-indicator='" + CITY + "']"));
            assertThat(city.getAttribute("data-depth")).isEqualTo("0");
            assertThat(city.getText()).contains("74", "Tổng hợp: 71", "Chênh lệch", "Báo cáo");
            WebElement dinhBang = browser.findElement(By.cssSelector("#roll-up-rows tr[data-indicator='" + ward(1) + "']"));
            assertThat(dinhBang.getAttribute("data-depth")).isEqualTo("1");
            assertThat(dinhBang.getText()).contains("UBND phường Đình Bảng", "71", "dieu-phoi");
            ((JavascriptExecutor) browser).executeScript("document.getElementById('roll-up').scrollIntoView()");
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), BrowserTest.SCREENSHOTS.resolve("roll-up-desktop.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            WebElement link = dinhBang.findElement(By.tagName("a"));
            link.click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Chromium.gone(link));
            assertThat(browser.findElement(By.id("indicator-implements")).getText()).contains(CITY);
            assertThat(browser.findElement(By.cssSelector("#series tr[data-period='2025-12']")).getText()).contains("71");

            // as of the moment before December's reports, the same page shows November's figure: the city's wards, the lowest 65
            browser.get(platform.queries + "/app/indicators/" + CITY + "?asOf=" + afterNovember);
            assertThat(browser.findElement(By.id("roll-up")).getAttribute("data-period")).isEqualTo("2025-11");
            assertThat(browser.findElement(By.id("roll-up-figure")).getText()).isEqualTo("65");
            assertThat(browser.findElements(By.id("roll-up-mismatch"))).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static String ward(int i) {
        return "KH-" + WARDS.get(i).toUpperCase() + "-NQ57.1";
    }

    private static void report(String indicatorId, String period, int percent) {
        created(http.post(platform.commands + "/api/indicators/" + indicatorId + "/reports", """
                {"period":"%s","value":{"kind":"PERCENT","value":%d},"note":"Báo cáo tháng"}""".formatted(period, percent)));
    }

    private static void awaitReports(String indicatorId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get(platform.queries + "/api/indicators/" + indicatorId + "/series").body().size() == count);
    }

    private static JsonNode rollUp(String indicatorId, String query) {
        Http.Response response = http.get(platform.queries + "/api/indicators/" + indicatorId + "/roll-up?" + query);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }
}
