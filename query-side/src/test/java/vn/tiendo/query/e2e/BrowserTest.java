package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.tiendo.command.emulation.CampaignCatalog;
import vn.tiendo.events.agency.AgencyRegistered;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
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

    /** Where the browser tests leave their screenshots for the README. */
    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
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
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator("B.7",
                "Tỷ lệ cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành.", "so-khcn", "so-khcn")));
        created(coordinator.post(platform.commands + "/api/tasks", Fixtures.task("1", "Xây dựng Kiến trúc chính quyền số tỉnh Bắc Ninh", "so-khcn")));
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
            // the 2026 movement, Sở Nội vụ co-verifying, and Sở KH&CN nominated by its head while round 1 was open
            GenericEventMessage.clock = Clock.fixed(Instant.parse("2025-09-10T03:00:00Z"), ZoneOffset.UTC);
            created(coordinator.post(platform.commands + "/api/agencies", """
                    {"agencyId":"so-noi-vu","name":"Sở Nội vụ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""));
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            created(coordinator.post(platform.commands + "/api/emulation/campaigns", json.writeValueAsString(new CampaignCatalog(json).digitalTransformation2026())));
            accepted(coordinator.post(platform.commands + "/api/emulation/campaigns/PT-CDS-2026/co-verifiers", """
                    {"agencyId":"so-noi-vu"}"""));
            created(new Http("lanh-dao.so-khcn").post(platform.commands + "/api/emulation/nominations", """
                    {"nominationId":"de-nghi.so-khcn","campaignId":"PT-CDS-2026","round":1,"kind":"COLLECTIVE","agencyId":"so-khcn",
                     "proposedAward":"BANG_KHEN","claims":[
                       {"claimId":"c1","targetCode":"TD.19","achievement":"Phủ sóng 5G đạt 60%%","citations":[{"recordId":"QD-1305-2025.A.1","period":"2025-10"}]},
                       {"claimId":"c2","targetCode":"TD.19","achievement":"Phủ sóng 5G đạt 52%%","citations":[{"recordId":"QD-1305-2025.A.1","period":"2025-11"}]}]}"""
                    .formatted()));
        } finally {
            GenericEventMessage.clock = real;
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.A.1").body().path("value").path("value").asInt() == 52
                        && coordinator.get(platform.queries + "/api/emulation/nominations/de-nghi.so-khcn").status() == 200);
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
        browser = Chromium.open();
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
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> browser.getCurrentUrl().contains("asOf=2025-11-30"));
        assertThat(text("indicator-value")).isEqualTo("40");
        assertThat(browser.findElements(By.cssSelector("#series tbody tr"))).hasSize(1);
        assertThat(text("asof-notice")).contains("2025-11-30");
        assertThat(browser.findElement(By.id("history")).getText()).doesNotContain("a1-2025-11");
    }

    @Test
    void theOverviewShowsStatusesAndAnOfficerOfAnotherAgencySeesOnlyTheirs() throws Exception {
        browser.get(platform.queries + "/app");
        signIn("dieu-phoi");
        assertThat(browser.findElements(By.cssSelector("table.indicators tbody tr"))).hasSize(4);
        assertThat(row("QD-1305-2025.A.1").getText()).contains("52").contains("Quá hạn, chưa đạt");
        assertThat(row("QD-1305-2025.C.29").getText()).contains("Chưa có số liệu");
        assertThat(browser.findElements(By.id("ranking"))).hasSize(1);
        screenshot("overview-desktop");
        // each count is a filter (counted and cut in SQL): only the overdue indicator, then all of them again
        assertThat(browser.findElement(By.cssSelector("#status-counts a[data-status='OVERDUE']")).getText()).endsWith(": 1");
        submit(browser.findElement(By.cssSelector("#status-counts a[data-status='OVERDUE']")));
        assertThat(browser.findElements(By.cssSelector("table.indicators tbody tr")))
                .extracting(r -> r.getAttribute("data-indicator")).containsExactly("QD-1305-2025.A.1");
        assertThat(text("overview-filter")).contains("Quá hạn");
        assertThat(browser.findElement(By.cssSelector("#plan-QD-1305-2025 .muted")).getText()).isEqualTo("1 trong số 1 chỉ tiêu");
        submit(browser.findElement(By.cssSelector("#overview-filter a")));
        assertThat(browser.findElements(By.cssSelector("table.indicators tbody tr"))).hasSize(4);
        // a plan's card pages by cursor, as its "Xem tiếp" link asks (50 to a page): the indicators after A.2
        browser.get(platform.queries + "/app?planId=QD-1305-2025&after=QD-1305-2025.A.2");
        assertThat(browser.findElements(By.cssSelector("table.indicators tbody tr")))
                .extracting(r -> r.getAttribute("data-indicator")).containsExactly("QD-1305-2025.B.7", "QD-1305-2025.C.29");
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
        submit(browser.findElement(By.id("language")));
        assertThat(text("signout")).isEqualTo("Sign out");
        browser.get(platform.queries + "/app");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Indicators at a glance");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheFormNeedsItsCsrfToken() throws Exception {
        browser.get(platform.queries + "/login");
        browser.findElement(By.id("username")).sendKeys("can-bo.so-khcn");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        submit(browser.findElement(By.id("login-submit")));
        assertThat(text("login-error")).contains("không đúng");
        // the sign-in form counts against the same throttle as the API: after five wrong passwords, a wait
        for (int i = 0; i < 6; i++) {
            browser.get(platform.queries + "/login");
            browser.findElement(By.id("username")).sendKeys("quan-tri");
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
        submit(awaitRow("2025-12").findElement(By.cssSelector("form.approve button")));
        assertThat(text("flash-message")).contains("Đã phê duyệt");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return awaitRow("2025-12").findElement(By.className("approved")).getText().startsWith("Có");
        });
        assertThat(awaitRow("2025-12").findElement(By.className("approved")).getText()).isEqualTo("Có (lanh-dao.so-khcn)");
        screenshot("report-form-desktop");
        signOut();

        // an approved figure corrected by the officer waits for the coordinating department
        signIn("can-bo.so-khcn");
        browser.get(platform.queries + "/app/indicators/QD-1305-2025.A.2");
        WebElement row = awaitRow("2025-12");
        row.findElement(By.cssSelector("details.correct summary")).click();
        row.findElement(By.id("correct-value-2025-12")).sendKeys("60");
        row.findElement(By.id("correct-reason-2025-12")).sendKeys("Nhà mạng gửi số liệu chính thức");
        submit(row.findElement(By.id("correct-2025-12")));
        assertThat(text("flash-message")).contains("chờ Sở KH&CN");
    }

    @Test
    void aHeadOpensTheirAgencyAndTheTaskBoardAndAnAuditorChecksTheChainsAndMakesACheckpoint() throws Exception {
        browser.get(platform.queries + "/app");
        signIn("lanh-dao.so-khcn");
        assertThat(browser.findElements(By.id("nav-audit"))).isEmpty();
        submit(browser.findElement(By.id("nav-agency")));
        assertThat(text("agency-name")).isEqualTo("Sở Khoa học và Công nghệ");
        assertThat(browser.findElements(By.cssSelector("table.indicators tr[data-indicator='QD-1305-2025.A.1']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("table.tasks tr[data-task='QD-1305-2025.NV-1']"))).hasSize(1);
        assertThat(text("scorecard")).contains("Điểm");
        screenshot("agency-desktop");
        browser.get(platform.queries + "/app/agencies/cong-an-tinh");
        assertThat(text("problem-title")).isEqualTo("Không tìm thấy");
        browser.get(platform.queries + "/app");
        browser.findElement(By.id("nav-tasks")).click();
        assertThat(browser.findElements(By.cssSelector(".board .task[data-task='QD-1305-2025.NV-1']"))).hasSize(1);
        browser.get(platform.queries + "/app/audit");
        assertThat(browser.getPageSource()).doesNotContain("make-checkpoint");
        signOut();

        signIn("kiem-toan");
        submit(browser.findElement(By.id("nav-audit")));
        assertThat(browser.findElements(By.cssSelector("#log .log-entry"))).isNotEmpty();
        submit(browser.findElement(By.id("verify")));
        assertThat(text("verification")).contains("nguyên vẹn");
        submit(browser.findElement(By.id("make-checkpoint")));
        assertThat(text("flash-message")).startsWith("Tiến Độ – điểm kiểm tra #");
        assertThat(browser.findElement(By.id("checkpoints")).getText()).contains(text("flash-message").substring(0, 30));
        screenshot("audit-desktop");
    }

    @Test
    void theCouncilJudgesANominationOnItsDossierAndDecidesOnTheFrozenOne() throws Exception {
        browser.get(platform.queries + "/app/emulation");
        signIn("hoi-dong.so-khcn");
        browser.findElement(By.cssSelector("tr[data-nomination='de-nghi.so-khcn'] a")).click();
        // a member of Sở KH&CN may not judge Sở KH&CN's nomination: the command side says why
        submit(browser.findElement(By.id("step-review")));
        assertThat(text("flash-error")).contains("conflict of interest");
        signOut();

        signIn("thi-dua");
        browser.get(platform.queries + "/app/emulation/nominations/de-nghi.so-khcn");
        browser.findElement(By.id("step-review")).click();
        awaitStatus("UNDER_REVIEW");
        // more evidence for the second claim, which Sở KH&CN's head supplies
        new Select(browser.findElement(By.id("request-claim"))).selectByValue("c2");
        browser.findElement(By.id("request-what")).sendKeys("Danh sách trạm 5G đã phát sóng");
        browser.findElement(By.id("step-request")).click();
        awaitStatus("EVIDENCE_REQUESTED");
        signOut();
        signIn("lanh-dao.so-khcn");
        browser.get(platform.queries + "/app/emulation/nominations/de-nghi.so-khcn");
        new Select(browser.findElement(By.id("evidence-claim"))).selectByValue("c2");
        browser.findElement(By.id("evidence-document")).sendKeys("140/BC-SKHCN");
        submit(browser.findElement(By.id("evidence-submit")));
        assertThat(text("flash-message")).contains("minh chứng");
        awaitStatus("UNDER_REVIEW");
        signOut();
        signIn("thi-dua");
        browser.get(platform.queries + "/app/emulation/nominations/de-nghi.so-khcn");
        // October's 40% does not bear out the 60% claimed: rejected, naming the report
        browser.findElement(By.id("claim-reject-reason-c1")).sendKeys("Báo cáo tháng 10/2025 ghi nhận 40%");
        new Select(browser.findElement(By.id("claim-reject-record-c1"))).selectByValue("QD-1305-2025.A.1");
        browser.findElement(By.id("claim-reject-c1")).click();
        awaitStep("CLAIM_REJECTED");
        browser.findElement(By.id("claim-verify-reason-c2")).sendKeys("Báo cáo tháng 11/2025 ghi nhận 52%, khớp");
        browser.findElement(By.id("claim-verify-c2")).click();
        awaitStep("CLAIM_VERIFIED");
        browser.findElement(By.id("verify-reason")).sendKeys("Một thành tích được xác nhận");
        browser.findElement(By.id("step-verify")).click();
        awaitStatus("VERIFIED");
        browser.findElement(By.id("step-propose")).click();
        awaitStatus("AWARD_PROPOSED");
        browser.findElement(By.id("decision-number")).sendKeys("123/QĐ-UBND");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-10-08'", browser.findElement(By.id("decided-on")));
        browser.findElement(By.id("step-decide")).click();
        awaitStatus("AWARD_DECIDED");
        screenshot("nomination-desktop");
        JsonNode nomination = coordinator.get(platform.queries + "/api/emulation/nominations/de-nghi.so-khcn").body();
        assertThat(nomination.path("decisionNumber").asText()).isEqualTo("123/QĐ-UBND");
        JsonNode rejection = null;
        for (JsonNode step : nomination.path("steps")) {
            rejection = step.path("step").asText().equals("CLAIM_REJECTED") ? step : rejection;
        }
        assertThat(rejection).isNotNull();
        assertThat(rejection.path("member").asText()).isEqualTo("thi-dua");
        assertThat(rejection.path("detail").path("recordId").asText()).isEqualTo("QD-1305-2025.A.1");
        assertThat(rejection.path("detail").path("period").asText()).isEqualTo("2025-10");
        JsonNode check = coordinator.get(platform.queries + "/api/emulation/nominations/de-nghi.so-khcn/dossier/frozen/verification").body();
        assertThat(check.path("decisionMatchesAFrozenDossier").asBoolean()).isTrue();
    }

    @Test
    void theCoordinatorRevisesATargetAndReassignsAnIndicatorFromItsPage() {
        created(new Http("can-bo.so-khcn").post(platform.commands + "/api/indicators/QD-1305-2025.B.7/reports", """
                {"period":"2025-12","value":{"kind":"PERCENT","value":30}}"""));
        browser.get(platform.queries + "/app/indicators/QD-1305-2025.B.7");
        signIn("dieu-phoi");
        new Select(browser.findElement(By.id("revise-period"))).selectByValue("2030");
        new Select(browser.findElement(By.id("revise-comparator"))).selectByValue(">=");
        browser.findElement(By.id("revise-value")).sendKeys("95");
        browser.findElement(By.id("revise-written")).sendKeys("≥ 95%");
        browser.findElement(By.id("revise-reason")).sendKeys("Điều chỉnh theo khả năng bồi dưỡng");
        browser.findElement(By.id("revise-decision")).sendKeys("Quyết định điều chỉnh chỉ tiêu");
        submit(browser.findElement(By.id("revise-submit")));
        assertThat(text("flash-message")).contains("2030");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return browser.getPageSource().contains("≥ 95%");
        });
        new Select(browser.findElement(By.id("reassign-to"))).selectByValue("so-noi-vu");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-01-01'", browser.findElement(By.id("reassign-date")));
        browser.findElement(By.id("reassign-reason")).sendKeys("Sở Nội vụ phụ trách bồi dưỡng cán bộ");
        submit(browser.findElement(By.id("reassign-submit")));
        assertThat(text("flash-message")).contains("so-noi-vu");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.B.7").body().path("leadAgencyId").asText().equals("so-noi-vu"));
        // an officer has neither form, and sees on the chart when the target moved (from the indicator's own history)
        signOut();
        signIn("can-bo.so-khcn");
        browser.get(platform.queries + "/app/indicators/QD-1305-2025.B.7");
        assertThat(browser.findElements(By.cssSelector("#chart svg line.revision"))).hasSize(1);
        assertThat(text("target-revisions")).contains("mục tiêu 2030 điều chỉnh 100% → ≥ 95%");
        browser.get(platform.queries + "/app/indicators/QD-1305-2025.A.1");
        assertThat(browser.findElements(By.id("revise-form"))).isEmpty();
        assertThat(browser.findElements(By.id("reassign-form"))).isEmpty();
    }

    @Test
    void aTaskIsReportedApprovedAndItsDeadlineRevisedFromItsPage() {
        browser.get(platform.queries + "/app/tasks");
        signIn("can-bo.so-khcn");
        submit(browser.findElement(By.cssSelector(".board .task[data-task='QD-1305-2025.NV-1'] a")));
        assertThat(text("task-title")).isEqualTo("Xây dựng Kiến trúc chính quyền số tỉnh Bắc Ninh");
        assertThat(browser.findElements(By.id("deadline-form"))).isEmpty();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-12'", browser.findElement(By.id("task-period")));
        browser.findElement(By.id("task-percent")).sendKeys("140");
        submit("task-report-submit");
        assertThat(text("flash-error")).contains("Tiến độ");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-12'", browser.findElement(By.id("task-period")));
        browser.findElement(By.id("task-percent")).sendKeys("40");
        submit("task-report-submit");
        assertThat(text("flash-message")).contains("tiến độ");
        signOut();

        signIn("lanh-dao.so-khcn");
        browser.get(platform.queries + "/app/tasks/QD-1305-2025.NV-1");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.id("task-approve")).isEmpty();
        });
        assertThat(text("task-progress")).isEqualTo("40%");
        submit(browser.findElement(By.id("task-approve")));
        assertThat(text("flash-message")).contains("Đã phê duyệt");
        signOut();

        signIn("dieu-phoi");
        browser.get(platform.queries + "/app/tasks/QD-1305-2025.NV-1");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-12-31'", browser.findElement(By.id("due-date")));
        browser.findElement(By.id("due-written")).sendKeys("Tháng 12/2026");
        browser.findElement(By.id("deadline-reason")).sendKeys("Chờ hướng dẫn của Bộ");
        submit(browser.findElement(By.id("deadline-submit")));
        assertThat(text("flash-message")).contains("thời hạn");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return text("task-deadline").equals("Tháng 12/2026");
        });
        assertThat(browser.findElement(By.id("history")).getText()).contains("TaskDeadlineRevised").contains("Chờ hướng dẫn của Bộ")
                .contains("TaskReportApproved");
    }

    /** An appendix of Decision 1305 imported from the page: a refused file names its cells, a good one is previewed, then applied. */
    @Test
    void theCoordinatorImportsAnAppendixAfterSeeingWhatItWouldChange() throws Exception {
        browser.get(platform.queries + "/app/imports");
        signIn("dieu-phoi");
        Path refused = Files.createTempFile("phu-luc-chi-tieu-sai", ".csv");
        Files.writeString(refused, """
                STT,Chỉ tiêu,Đơn vị tính,Giá trị cơ sở,Mục tiêu 2025,Mục tiêu 2030,Cơ quan chủ trì,Cơ quan theo dõi
                B.6,"Tỷ lệ cán bộ, công chức cấp tỉnh được bồi dưỡng kỹ năng số căn bản",%,,100%,100%,Sở Không Có,Sở Nội vụ
                """, StandardCharsets.UTF_8);
        importFile(refused);
        assertThat(text("import-error")).contains("Sở Không Có");
        assertThat(browser.findElements(By.id("import-apply"))).isEmpty();

        Path good = Files.createTempFile("phu-luc-chi-tieu", ".csv");
        Files.writeString(good, """
                STT,Chỉ tiêu,Đơn vị tính,Giá trị cơ sở,Mục tiêu 2025,Mục tiêu 2030,Cơ quan chủ trì,Cơ quan theo dõi
                B.6,"Tỷ lệ cán bộ, công chức cấp tỉnh được bồi dưỡng kỹ năng số căn bản",%,,100%,100%,Sở Nội vụ,Sở Nội vụ
                """, StandardCharsets.UTF_8);
        importFile(good);
        assertThat(text("preview-counts")).isEqualTo("1 dòng: 1 mới, 0 điều chỉnh, 0 không đổi.");
        assertThat(browser.findElement(By.cssSelector("#preview-rows tr[data-record='QD-1305-2025.B.6'] .action")).getText()).isEqualTo("Tạo mới");
        assertThat(coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.B.6").status()).as("nothing recorded by the preview").isEqualTo(404);
        submit(browser.findElement(By.id("import-apply")));
        assertThat(text("flash-message")).contains("1 mới");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.B.6").status() == 200);

        // the same row with a lowered 2030 target and another lead: the preview names each change before anything is recorded
        Path revised = Files.createTempFile("phu-luc-chi-tieu-sua-doi", ".csv");
        Files.writeString(revised, """
                STT,Chỉ tiêu,Đơn vị tính,Giá trị cơ sở,Mục tiêu 2025,Mục tiêu 2030,Cơ quan chủ trì,Cơ quan theo dõi
                B.6,"Tỷ lệ cán bộ, công chức cấp tỉnh được bồi dưỡng kỹ năng số căn bản",%,,100%,≥ 95%,Sở Khoa học và Công nghệ,Sở Nội vụ
                """, StandardCharsets.UTF_8);
        importFile(revised);
        assertThat(text("preview-counts")).isEqualTo("1 dòng: 0 mới, 1 điều chỉnh, 0 không đổi.");
        WebElement change = browser.findElement(By.cssSelector("#preview-rows tr[data-record='QD-1305-2025.B.6']"));
        assertThat(change.findElement(By.className("action")).getText()).isEqualTo("Điều chỉnh");
        assertThat(change.findElement(By.className("changes")).getText()).contains("target[2030]: 100% → ≥ 95%").contains("leadAgencyId: so-noi-vu → so-khcn");
        screenshot("import-desktop");
        assertThat(coordinator.get(platform.queries + "/api/audit/history/QD-1305-2025.B.6").body().toString())
                .as("nothing recorded by the preview").doesNotContain("IndicatorTargetRevised");
        submit(browser.findElement(By.id("import-apply")));
        assertThat(text("flash-message")).contains("1 điều chỉnh");

        // a lead written short ("Nội vụ"): refused, the page proposes Sở Nội vụ, the coordinator confirms it once and the same
        // file previews at once, without uploading it again
        Path shortName = Files.createTempFile("phu-luc-chi-tieu-ten-ngan", ".csv");
        Files.writeString(shortName, """
                STT,Chỉ tiêu,Đơn vị tính,Giá trị cơ sở,Mục tiêu 2025,Mục tiêu 2030,Cơ quan chủ trì,Cơ quan theo dõi
                B.5,"Tỷ lệ cán bộ, công chức cấp xã, phường được bồi dưỡng kỹ năng số căn bản.",%,,≥ 80%,100%,Nội vụ,Nội vụ
                """, StandardCharsets.UTF_8);
        importFile(shortName);
        assertThat(text("import-error")).contains("Nội vụ");
        WebElement unknown = browser.findElement(By.cssSelector("#unknown-names .unknown-name[data-name='Nội vụ']"));
        assertThat(new Select(unknown.findElement(By.name("agencyId"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("so-noi-vu");
        assertThat(browser.findElements(By.id("import-apply"))).isEmpty();
        submit(unknown.findElement(By.cssSelector("button.confirm")));
        assertThat(text("flash-message")).contains("Đã ghi nhận \"Nội vụ\"");
        assertThat(text("preview-counts")).isEqualTo("1 dòng: 1 mới, 0 điều chỉnh, 0 không đổi.");
        submit(browser.findElement(By.id("import-apply")));
        assertThat(text("flash-message")).contains("1 mới");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.B.5").status() == 200);
        assertThat(coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.B.5").body().path("leadAgencyId").asText()).isEqualTo("so-noi-vu");
        browser.get(platform.queries + "/app/agencies/so-noi-vu");
        assertThat(text("agency-aliases")).isEqualTo("Tên gọi khác: Nội vụ");
    }

    private void importFile(Path file) {
        new Select(browser.findElement(By.id("import-kind"))).selectByValue("indicators");
        new Select(browser.findElement(By.id("import-plan"))).selectByValue("QD-1305-2025");
        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        submit("import-preview");
    }

    /** Sở KH&CN's monthly report to the chairman (before the 25th), sent from the calendar page a month late. */
    @Test
    void anOfficerSendsAPeriodicReportAndTheCalendarSaysItCameLate() throws Exception {
        accepted(coordinator.post(platform.commands + "/api/plans/QD-1305-2025/reporting-obligations", """
                {"obligationId":"so-khcn-chu-tich","reporterAgencyId":"so-khcn","recipientAgencyId":"ubnd-tinh","cycle":"MONTHLY",
                 "dueDay":25,"asWritten":"tham mưu Lãnh đạo Sở báo cáo Chủ tịch UBND tỉnh (trước ngày 25 hằng tháng)"}"""));
        String lastMonth = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1).toString();
        browser.get(platform.queries + "/app/reporting");
        signIn("can-bo.so-khcn");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.cssSelector("#duties li[data-duty='so-khcn-chu-tich']")).isEmpty();
        });
        assertThat(text("duties")).contains("so-khcn → ubnd-tinh").contains("trước ngày 25 hằng tháng");
        new Select(browser.findElement(By.id("duty"))).selectByValue("QD-1305-2025|so-khcn-chu-tich");
        browser.findElement(By.id("periodic-period")).sendKeys(lastMonth);
        browser.findElement(By.id("periodic-document")).sendKeys("152/BC-SKHCN");
        submit("periodic-submit");
        assertThat(text("flash-message")).contains(lastMonth);
        By row = By.cssSelector("#periodic-reports tr[data-key='so-khcn-chu-tich|" + lastMonth + "|so-khcn'] .timeliness");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return browser.findElement(row).getText().equals("Muộn");
        });
        screenshot("reporting-desktop");
        // the same month again is refused, and the page says why
        new Select(browser.findElement(By.id("duty"))).selectByValue("QD-1305-2025|so-khcn-chu-tich");
        browser.findElement(By.id("periodic-period")).sendKeys(lastMonth);
        browser.findElement(By.id("periodic-document")).sendKeys("152/BC-SKHCN");
        submit("periodic-submit");
        assertThat(text("flash-error")).contains("already sent");
    }

    /** A dashboard left open shows a report sent meanwhile, without anyone reloading it. */
    @Test
    void anOpenOverviewShowsANewReportByItself() {
        browser.get(platform.queries + "/app");
        signIn("kiem-toan");
        assertThat(row("QD-1305-2025.A.2").getText()).doesNotContain("2026-01");
        created(new Http("can-bo.so-khcn").post(platform.commands + "/api/indicators/QD-1305-2025.A.2/reports", """
                {"period":"2026-01","value":{"kind":"PERCENT","value":33}}"""));
        Awaitility.await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> row("QD-1305-2025.A.2").getText().contains("2026-01"));
        assertThat(row("QD-1305-2025.A.2").findElement(By.className("value")).getText()).isEqualTo("33");
    }

    private void awaitStatus(String status) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return browser.findElement(By.id("nomination-status")).getText().equals(status);
        });
    }

    private void awaitStep(String step) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.cssSelector("tr.step")).stream().anyMatch(r -> r.getText().contains(step));
        });
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
        submit("report-submit");
    }

    /** Clicks a form's button and waits until the page it was on has gone, so nothing is read from the old page. */
    private void submit(String buttonId) {
        submit(browser.findElement(By.id(buttonId)));
    }

    /** Clicks a button or link that leaves the page and waits until the page has gone (its elements are stale). */
    private void submit(WebElement button) {
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Chromium.gone(button));
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

    @Test
    void anAdministratorFindsAParkedEventGivesItUpWithAReasonAndTheActIsRecorded() throws Exception {
        // an agency registered, as an older version could have stored it, with a name PostgreSQL cannot hold in text
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/tiendo_test_browser", "postgres", "")) {
            SealedEvents.append(c, "phong-thu-nghiem", "Agency", AgencyRegistered.class.getName(), "1", """
                    {"agencyId":"phong-thu-nghiem","name":"Phòng\\u0000","kind":"DIVISION","parentAgencyId":"so-khcn"}""", null);
        }
        browser.get(platform.queries + "/app");
        signIn("kiem-toan");
        assertThat(browser.findElements(By.id("nav-admin"))).isEmpty();
        signOut();

        signIn("quan-tri");
        browser.findElement(By.id("nav-admin")).click();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            browser.navigate().refresh();
            return !browser.findElements(By.cssSelector("tr.parked-event[data-aggregate='phong-thu-nghiem']")).isEmpty();
        });
        WebElement parked = browser.findElement(By.cssSelector("tr.parked-event[data-aggregate='phong-thu-nghiem']"));
        assertThat(parked.getText()).contains("directory-projection", "AgencyRegistered");
        assertThat(browser.findElement(By.cssSelector("tr[data-projection='directory-projection'] .parked-count")).getText()).isEqualTo("1");
        screenshot("admin-desktop");
        // a reason is required: without one nothing is given up
        parked.findElement(By.cssSelector(".evict-reason")).sendKeys("   ");
        submit(parked.findElement(By.cssSelector("button.evict")));
        assertThat(text("flash-error")).contains("Lý do");
        assertThat(browser.findElements(By.cssSelector("tr.parked-event[data-aggregate='phong-thu-nghiem']"))).hasSize(1);

        parked = browser.findElement(By.cssSelector("tr.parked-event[data-aggregate='phong-thu-nghiem']"));
        parked.findElement(By.cssSelector(".evict-reason")).sendKeys("Tên đơn vị chứa ký tự NUL; đơn vị được đăng ký lại đúng tên");
        submit(parked.findElement(By.cssSelector("button.evict")));
        assertThat(text("flash-message")).contains("Đã bỏ qua 1 sự kiện của phong-thu-nghiem");
        assertThat(browser.findElements(By.cssSelector("tr.parked-event[data-aggregate='phong-thu-nghiem']"))).isEmpty();
        WebElement act = browser.findElement(By.cssSelector("#admin-actions tr.admin-action"));
        assertThat(act.getText()).contains("quan-tri", "Bỏ qua sự kiện", "directory-projection · phong-thu-nghiem",
                "Tên đơn vị chứa ký tự NUL");
        // the event itself stays in the store: giving up is about the projection, never the record
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/tiendo_test_browser", "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from event_store.domain_event_entry "
                     + "where aggregate_identifier = 'phong-thu-nghiem'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }

        // a rebuild from the same page: the projections answer throughout, and the event given up stays given up
        submit(browser.findElement(By.id("start-rebuild")));
        assertThat(text("flash-message")).contains("Đã bắt đầu dựng lại");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            browser.navigate().refresh();
            return List.of("DONE", "FAILED").contains(browser.findElement(By.id("rebuild")).getAttribute("data-stage"));
        });
        assertThat(text("rebuild-stage")).isEqualTo("Đã xong");
        assertThat(text("rebuild-paused")).contains("tạm dừng cập nhật");
        assertThat(browser.findElements(By.cssSelector("tr.parked-event[data-aggregate='phong-thu-nghiem']"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#admin-actions tr.admin-action")).getText()).contains("Dựng lại",
                "switched to the rebuilt projections");
        signOut();
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
        if (browser.findElements(By.id("signout")).isEmpty()) {
            browser.get(platform.queries + "/app"); // an error page has no header
        }
        browser.findElement(By.id("signout")).click();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> browser.getCurrentUrl().contains("/login?logout"));
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
