package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * The pages in profile {@code oidc}, signed in through a real Keycloak with the project's realm: the browser is sent to
 * Keycloak's sign-in page with an authorization code request and PKCE, comes back to the page it asked for, and the
 * report it sends is recorded for the Keycloak user with the agency and role of their token. Signing out ends the
 * Keycloak session too.
 */
class OidcBrowserTest {

    private static final Http coordinator = new Http("dieu-phoi");
    private static Keycloak keycloak;
    private static Platform platform;
    /** The pages as the browser reaches them: the realm lets its web client return to http://localhost on any port. */
    private static String pages;
    private ChromeDriver browser;

    @BeforeAll
    static void keycloakAndAnIndicatorOfSoKhcn() throws Exception {
        keycloak = Keycloak.start();
        platform = Platform.start("tiendo_test_oidc_pages", null, "--spring.profiles.active=oidc", "--OIDC_ISSUER_URI=" + keycloak.issuer());
        pages = platform.queries.replace("127.0.0.1", "localhost");
        platform.registerStrategyPlan(coordinator);
        created(coordinator.post(platform.commands + "/api/agencies", """
                {"agencyId":"cong-an-tinh","name":"Công an tỉnh","kind":"PROVINCIAL_UNIT","parentAgencyId":"ubnd-tinh"}"""));
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "so-khcn", "so-khcn")));
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.A.1").status() == 200);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (keycloak != null) {
            keycloak.close();
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
    void anOfficerSignsInThroughKeycloakWithPkceAndReportsAValue() {
        browser.get(pages + "/app/indicators/QD-1305-2025.A.1");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElements(By.id("password"))).as("no password form of our own in profile oidc").isEmpty();
        browser.findElement(By.id("login-provider")).click();
        assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
                .contains("response_type=code").contains("client_id=tiendo-web").contains("code_challenge_method=S256")
                .contains("code_challenge=");
        signInAtKeycloak("can-bo.so-khcn");
        // back to the page asked for, as the Keycloak user
        assertThat(browser.getCurrentUrl()).startsWith(pages + "/app/indicators/QD-1305-2025.A.1");
        assertThat(browser.findElement(By.id("who")).getText()).startsWith("can-bo.so-khcn");

        WebElement period = browser.findElement(By.id("period"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-10'", period);
        browser.findElement(By.id("value")).sendKeys("40");
        browser.findElement(By.id("documentNumber")).sendKeys("125/BC-SKHCN");
        WebElement send = browser.findElement(By.id("report-submit"));
        send.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Chromium.gone(send));
        assertThat(browser.findElement(By.id("flash-message")).getText()).contains("2025-10");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                new Http("kiem-toan").get(platform.queries + "/api/audit/history/QD-1305-2025.A.1").body().toString().contains("125/BC-SKHCN"));
        JsonNode history = new Http("kiem-toan").get(platform.queries + "/api/audit/history/QD-1305-2025.A.1").body();
        JsonNode report = null;
        for (JsonNode entry : history) {
            if (entry.toString().contains("125/BC-SKHCN")) {
                report = entry;
            }
        }
        assertThat(report).isNotNull();
        assertThat(report.toString()).contains("\"can-bo.so-khcn\"").contains("IndicatorProgressReported");
    }

    @Test
    void theAgencyInTheTokenScopesThePagesAndSigningOutEndsTheKeycloakSession() {
        browser.get(pages + "/app");
        browser.findElement(By.id("login-provider")).click();
        signInAtKeycloak("can-bo.cong-an-tinh");
        assertThat(browser.findElement(By.id("who")).getText()).startsWith("can-bo.cong-an-tinh");
        // Sở KH&CN's indicator is not theirs to see, as the API would answer them
        browser.get(pages + "/app/indicators/QD-1305-2025.A.1");
        assertThat(browser.findElement(By.id("problem-title")).getText()).isEqualTo("Không tìm thấy");

        browser.get(pages + "/app");
        browser.findElement(By.id("signout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(pages + "/login?logout"));
        // the next person at this browser is asked for a password again, not signed in by Keycloak's old session
        browser.findElement(By.id("login-provider")).click();
        assertThat(browser.findElements(By.id("password"))).hasSize(1);
        assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuer());
    }

    private void signInAtKeycloak(String user) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Keycloak.PASSWORD);
        WebElement signIn = browser.findElement(By.id("kc-login"));
        signIn.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(pages));
    }
}
