package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * The web pages in a real browser (Debian's chromium through its chromedriver, headless): signing in through the
 * form and back to the page asked for, the overview and an indicator page with its chart and history, the as-of
 * picker, another agency's officer kept out, a phone-sized window, the English switch, CSRF on the sign-in form.
 * Saves screenshots of the main pages to docs/screenshots/.
 */
class BrowserTest {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
    private static final Http coordinator = new Http("dieu-phoi");
    private static Platform platform;
    private ChromeDriver browser;

    @BeforeAll
    static void anIndicatorReportedInTwoMonths() throws Exception {
        platform = Platform.start("tiendo_test_browser", null);
        platform.registerStrategyPlan(coordinator);
        created(coordinator.post(platform.commands + "/api/agencies", """
                {"agencyId":"cong-an-tinh","name":"Công an tỉnh","kind":"PROVINCIAL_UNIT","parentAgencyId":"ubnd-tinh"}"""));
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "so-khcn", "so-khcn")));
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator("A.2",
                "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s.", "so-khcn", "so-khcn")));
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator("C.29",
                "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)", "cong-an-tinh", "cong-an-tinh")));
        Clock real = GenericEventMessage.clock;
        try {
            // October's figure in November, November's in December: the as-of picker can tell them apart
            GenericEventMessage.clock = Clock.fixed(Instant.parse("2025-11-10T03:00:00Z"), ZoneOffset.UTC);
            Http.Response october = created(new Http("can-bo.so-khcn").post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", """
                    {"reportId":"a1-2025-10","period":"2025-10","value":{"kind":"PERCENT","value":40},"note":"số liệu nhà mạng"}"""));
            accepted(new Http("lanh-dao.so-khcn").post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports/a1-2025-10/approval",
                    "{\"expectedVersion\":" + october.body().path("version") + "}"));
            GenericEventMessage.clock = Clock.fixed(Instant.parse("2025-12-10T03:00:00Z"), ZoneOffset.UTC);
            created(new Http("lanh-dao.so-khcn").post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", """
                    {"reportId":"a1-2025-11","period":"2025-11","value":{"kind":"PERCENT","value":52}}"""));
        } finally {
            GenericEventMessage.clock = real;
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.A.1").body().path("value").path("value").asInt() == 52);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=vi", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAuditorSignsInOpensAnIndicatorAndLooksAtItAsOfADay() throws Exception {
        browser.get(platform.queries + "/app/indicators/QD-1305-2025.A.1");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn("kiem-toan");
        // back to the page asked for
        assertThat(browser.getCurrentUrl()).contains("/app/indicators/QD-1305-2025.A.1");
        assertThat(text("indicator-title")).startsWith("A.1 — Tỷ lệ phủ sóng 5G");
        assertThat(text("indicator-value")).isEqualTo("52");
        assertThat(browser.findElements(By.cssSelector("#chart svg polyline.value"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#series tbody tr"))).hasSize(2);
        List<WebElement> history = browser.findElements(By.cssSelector("#history .history-entry"));
        assertThat(history).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.findElement(By.id("history")).getText()).contains("can-bo.so-khcn").contains("IndicatorReportApproved");
        screenshot("indicator-desktop");

        // the as-of picker: the page as the platform showed it on 30/11/2025, before November's figure came in
        WebElement day = browser.findElement(By.id("asOf"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", day, "2025-11-30");
        browser.findElement(By.id("asof-submit")).click();
        assertThat(browser.getCurrentUrl()).contains("asOf=2025-11-30");
        assertThat(text("indicator-value")).isEqualTo("40");
        assertThat(browser.findElements(By.cssSelector("#series tbody tr"))).hasSize(1);
        assertThat(text("asof-notice")).contains("2025-11-30");
        assertThat(browser.findElement(By.id("history")).getText()).doesNotContain("a1-2025-11");
    }

    @Test
    void theOverviewShowsStatusesAndAnOfficerOfAnotherAgencySeesOnlyTheirs() throws Exception {
        browser.get(platform.queries + "/app");
        signIn("dieu-phoi");
        assertThat(browser.findElements(By.cssSelector("table.indicators tbody tr"))).hasSize(3);
        assertThat(row("QD-1305-2025.A.1").getText()).contains("52").contains("Quá hạn, chưa đạt");
        assertThat(row("QD-1305-2025.C.29").getText()).contains("Chưa có số liệu");
        assertThat(browser.findElements(By.id("ranking"))).hasSize(1);
        screenshot("overview-desktop");
        signOut();

        signIn("can-bo.cong-an-tinh");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.indicators tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getAttribute("data-indicator")).isEqualTo("QD-1305-2025.C.29");
        assertThat(browser.findElements(By.id("ranking"))).isEmpty();
        browser.get(platform.queries + "/app/indicators/QD-1305-2025.A.1");
        assertThat(text("problem-title")).isEqualTo("Không tìm thấy");
        assertThat(browser.getPageSource()).doesNotContain("Tỷ lệ phủ sóng 5G");
    }

    @Test
    void onAPhoneThePagesFitTheScreenAndSwitchToEnglish() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(platform.queries + "/app");
        signIn("lanh-dao.so-khcn");
        assertThat(overflow()).as("page wider than the phone").isLessThanOrEqualTo(0L);
        screenshot("overview-phone");
        browser.get(platform.queries + "/app/indicators/QD-1305-2025.A.1");
        assertThat(overflow()).as("indicator page wider than the phone").isLessThanOrEqualTo(0L);
        screenshot("indicator-phone");
        browser.findElement(By.id("language")).click();
        assertThat(text("signout")).isEqualTo("Sign out");
        browser.get(platform.queries + "/app");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Indicators at a glance");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheFormNeedsItsCsrfToken() throws Exception {
        browser.get(platform.queries + "/login");
        browser.findElement(By.id("username")).sendKeys("can-bo.so-khcn");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-submit")).click();
        assertThat(text("login-error")).contains("không đúng");
        // the sign-in form counts against the same throttle as the API: after five wrong passwords, a wait
        for (int i = 0; i < 6; i++) {
            browser.get(platform.queries + "/login");
            browser.findElement(By.id("username")).sendKeys("thi-dua");
            browser.findElement(By.id("password")).sendKeys("doan-mo-" + i);
            browser.findElement(By.id("login-submit")).click();
        }
        assertThat(browser.findElements(By.id("login-throttled"))).as("throttled after five").hasSize(1);
        assertThat(text("login-throttled")).contains("giây");
        // a sign-in posted from elsewhere, without the form's CSRF token, is refused before any password check
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.queries + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=can-bo.so-khcn&password=" + Http.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void anOfficerReportsWithAnEvidenceFileAndTheHeadApprovesIt() throws Exception {
        browser.get(platform.queries + "/app/indicators/QD-1305-2025.A.2");
        signIn("can-bo.so-khcn");
        // a figure that is not a number is refused on the page, naming the field
        fillReport("2025-12", "sáu mươi", null, null);
        assertThat(text("flash-error")).contains("Giá trị");
        // a month before the plan is refused by the command side, and the page says which field
        fillReport("2024-12", "61", null, null);
        assertThat(text("flash-error")).contains("Kỳ báo cáo (period)");

        Path file = Files.createTempFile("bao-cao-thang-12", ".txt");
        byte[] content = "Báo cáo số liệu tháng 12/2025 của nhà mạng".getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        fillReport("2025-12", "61,5", "130/BC-SKHCN", file);
        assertThat(text("flash-message")).contains("2025-12");
        WebElement december = awaitRow("2025-12");
        assertThat(december.findElement(By.className("value")).getText()).isEqualTo("61.5");
        assertThat(december.findElement(By.className("approved")).getText()).isEqualTo("Không");
        assertThat(december.findElement(By.className("evidence")).getText()).contains(sha256.substring(0, 12));
        // the event names the file by its hash, and the file comes back as stored
        JsonNode report = new Http("kiem-toan").get(platform.queries + "/api/audit/history/QD-1305-2025.A.2").body();
        assertThat(report.toString()).contains("/app/evidence/" + sha256).contains("130/BC-SKHCN");
        assertThat(new Http("kiem-toan").getStatus(platform.queries + "/app/evidence/" + sha256).status()).isIn(302, 401);
        signOut();

        signIn("lanh-dao.so-khcn");
        browser.get(platform.queries + "/app/indicators/QD-1305-2025.A.2");
        awaitRow("2025-12").findElement(By.cssSelector("form.approve button")).click();
        assertThat(text("flash-message")).contains("Đã phê duyệt");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return awaitRow("2025-12").findElement(By.className("approved")).getText().startsWith("Có");
        });
        assertThat(awaitRow("2025-12").findElement(By.className("approved")).getText()).isEqualTo("Có (lanh-dao.so-khcn)");
        screenshot("report-form-desktop");
    }

    private void fillReport(String month, String value, String document, Path file) {
        WebElement period = browser.findElement(By.id("period"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", period, month);
        browser.findElement(By.id("value")).clear();
        browser.findElement(By.id("value")).sendKeys(value);
        if (document != null) {
            browser.findElement(By.id("documentNumber")).sendKeys(document);
        }
        if (file != null) {
            browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        }
        browser.findElement(By.id("report-submit")).click();
    }

    /** The series row of a period, once the projection has it (the page is reloaded until then). */
    private WebElement awaitRow(String period) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            if (browser.findElements(By.cssSelector("#series tr[data-period='" + period + "']")).isEmpty()) {
                browser.navigate().refresh();
                return false;
            }
            return true;
        });
        return browser.findElement(By.cssSelector("#series tr[data-period='" + period + "']"));
    }

    private WebElement row(String indicatorId) {
        return browser.findElement(By.cssSelector("table.indicators tr[data-indicator='" + indicatorId + "']"));
    }

    private void signIn(String user) {
        if (!browser.getCurrentUrl().contains("/login")) {
            browser.get(platform.queries + "/login");
        }
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Http.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        assertThat(browser.findElement(By.id("who")).getText()).startsWith(user);
    }

    private void signOut() {
        browser.findElement(By.id("signout")).click();
        assertThat(browser.getCurrentUrl()).contains("/login?logout");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** How many pixels the page is wider than the window (0 or less: it fits). */
    private long overflow() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
