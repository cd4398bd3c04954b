package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.tiendo.command.emulation.CampaignCatalog;
import vn.tiendo.command.security.CommandAccess;
import vn.tiendo.platform.security.AccessRule;
import vn.tiendo.platform.security.Role;
import vn.tiendo.query.pages.PageAccess;
import vn.tiendo.query.security.QueryAccess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * Every endpoint of both services × every role × a record of the user's own agency and of another agency, from the
 * two access tables. An endpoint that has no rule in its table fails here (and is closed to everyone meanwhile).
 */
class AccessMatrixTest {

    /** A demo user per role; officers and heads work for Sở KH&CN. */
    private static final Map<Role, String> USERS = Map.of(Role.OFFICER, "can-bo.so-khcn", Role.HEAD, "lanh-dao.so-khcn",
            Role.COORDINATOR, "dieu-phoi", Role.COUNCIL, "thi-dua", Role.AUDITOR, "kiem-toan", Role.ADMIN, "quan-tri");
    /** What the path variables stand for: Sở KH&CN's records, and Công an tỉnh's. */
    private static final Map<String, String> OWN = Map.ofEntries(Map.entry("indicatorId", "QD-1305-2025.A.1"),
            Map.entry("reportId", "own-report"), Map.entry("taskId", "QD-1305-2025.NV-1"), Map.entry("agencyId", "so-khcn"),
            Map.entry("aggregateId", "QD-1305-2025.A.1"), Map.entry("kind", "tasks"), Map.entry("format", "csv"),
            Map.entry("proposalId", "no-such-proposal"), Map.entry("campaignId", "PT-CDS-2026"), Map.entry("round", "1"),
            Map.entry("nominationId", "de-nghi.so-khcn"), Map.entry("claimId", "c1"), Map.entry("planId", "QD-1305-2025"),
            Map.entry("obligationId", "no-such-duty"), Map.entry("groupId", "no-such-group"));
    private static final Map<String, String> OTHER = Map.ofEntries(Map.entry("indicatorId", "QD-1305-2025.C.29"),
            Map.entry("reportId", "other-report"), Map.entry("taskId", "QD-1305-2025.NV-9"), Map.entry("agencyId", "cong-an-tinh"),
            Map.entry("aggregateId", "QD-1305-2025.C.29"), Map.entry("kind", "tasks"), Map.entry("format", "csv"),
            Map.entry("proposalId", "no-such-proposal"), Map.entry("campaignId", "PT-CDS-2026"), Map.entry("round", "1"),
            Map.entry("nominationId", "de-nghi.cong-an-tinh"), Map.entry("claimId", "c1"), Map.entry("planId", "QD-1305-2025"),
            Map.entry("obligationId", "no-such-duty"), Map.entry("groupId", "no-such-group"));

    private static Platform platform;
    private static final Http http = new Http();

    @BeforeAll
    static void twoAgenciesWithAnIndicatorATaskAndANominationEach() throws Exception {
        platform = Platform.start("tiendo_test_access", null);
        platform.registerStrategyPlan(http);
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"cong-an-tinh","name":"Công an tỉnh","kind":"PROVINCIAL_UNIT","parentAgencyId":"ubnd-tinh"}"""));
        // Sở KH&CN's record and Công an tỉnh's, each with a report
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "so-khcn", "so-khcn")));
        created(http.post(platform.commands + "/api/indicators", Fixtures.indicator("C.29",
                "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)", "cong-an-tinh", "cong-an-tinh")));
        created(http.post(platform.commands + "/api/tasks", Fixtures.task("1", "Xây dựng Kiến trúc chính quyền số tỉnh Bắc Ninh", "so-khcn")));
        created(http.post(platform.commands + "/api/tasks", Fixtures.task("9",
                "Hướng dẫn và triển khai các giải pháp bảo đảm an toàn, an ninh thông tin", "cong-an-tinh")));
        for (String[] r : new String[][]{{"A.1", "own-report"}, {"C.29", "other-report"}}) {
            created(http.post(platform.commands + "/api/indicators/QD-1305-2025." + r[0] + "/reports", """
                    {"reportId":"%s","period":"2025-11","value":{"kind":"PERCENT","value":50}}""".formatted(r[1])));
        }
        // the 2026 movement, and a nomination of each agency by its head, sent while round 1 took nominations
        created(http.post(platform.commands + "/api/agencies", """
                {"agencyId":"so-noi-vu","name":"Sở Nội vụ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        created(http.post(platform.commands + "/api/emulation/campaigns", json.writeValueAsString(new CampaignCatalog(json).digitalTransformation2026())));
        accepted(http.post(platform.commands + "/api/emulation/campaigns/PT-CDS-2026/co-verifiers", """
                {"agencyId":"so-noi-vu"}"""));
        Clock realClock = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(Instant.parse("2025-09-10T02:00:00Z"), ZoneOffset.UTC);
        try {
            for (String[] n : new String[][]{{"so-khcn", "A.1", "lanh-dao.so-khcn"}, {"cong-an-tinh", "C.29", "lanh-dao.cong-an-tinh"}}) {
                created(http.as(n[2]).post(platform.commands + "/api/emulation/nominations", """
                        {"nominationId":"de-nghi.%1$s","campaignId":"PT-CDS-2026","round":1,"kind":"COLLECTIVE","agencyId":"%1$s",
                         "claims":[{"claimId":"c1","targetCode":"TD.19","achievement":"Đóng góp vào chỉ số chuyển đổi số",
                                    "citations":[{"recordId":"QD-1305-2025.%2$s","period":"2025-08"}]}]}""".formatted(n[0], n[1])));
            }
        } finally {
            GenericEventMessage.clock = realClock;
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get(platform.queries + "/api/emulation/nominations/de-nghi.cong-an-tinh").status() == 200);
        for (String nomination : List.of("de-nghi.so-khcn", "de-nghi.cong-an-tinh")) {
            created(http.as("thi-dua").post(platform.queries + "/api/emulation/nominations/" + nomination + "/dossier/freeze", ""));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                http.get(platform.queries + "/api/tasks/QD-1305-2025.NV-9").status() == 200
                        && http.get(platform.queries + "/api/indicators/QD-1305-2025.C.29").body().path("version").asLong() == 2);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyEndpointHasARule() {
        assertThat(unruled(platform.commandSide, CommandAccess.RULES)).as("command-side endpoints without an access rule").isEmpty();
        List<AccessRule> queryRules = new ArrayList<>(QueryAccess.RULES);
        queryRules.addAll(PageAccess.RULES);
        Arrays.stream(PageAccess.OPEN).forEach(open -> queryRules.add(AccessRule.of(HttpMethod.GET, open, false)));
        assertThat(unruled(platform.querySide, queryRules)).as("query-side endpoints and pages without an access rule").isEmpty();
    }

    @Test
    void everyRoleGetsWhatItsRuleSaysOnOwnAndOtherAgencies() {
        List<String> wrong = new ArrayList<>();
        check(platform.commands, CommandAccess.RULES, wrong);
        check(platform.queries, QueryAccess.RULES, wrong);
        assertThat(wrong).isEmpty();
    }

    /** The scope is checked on the id the handler gets, so "%51D-1305-2025.A.2" is as out of reach as "QD-1305-2025.A.2". */
    @Test
    void percentEncodedIdsAreHeldToTheSameScope() {
        Map<String, String> encoded = new HashMap<>(OTHER);
        encoded.replaceAll((variable, id) -> variable.equals("indicatorId") || variable.equals("taskId") || variable.equals("agencyId")
                ? "%" + HexFormat.of().withUpperCase().toHexDigits((byte) id.charAt(0)) + id.substring(1) : id);
        List<String> wrong = new ArrayList<>();
        for (var side : Map.of(platform.commands, CommandAccess.RULES, platform.queries, QueryAccess.RULES).entrySet()) {
            for (AccessRule rule : side.getValue()) {
                // scoped by a record in the path (a list under a campaign is scoped by its items instead)
                if (!rule.scoped() || !List.of("{indicatorId}", "{taskId}", "{agencyId}", "{nominationId}").stream().anyMatch(rule.path()::contains)) {
                    continue;
                }
                for (Role role : List.of(Role.OFFICER, Role.HEAD)) {
                    String path = expand(rule.path(), encoded);
                    int status = request(side.getKey(), rule.method(), path, true, http.as(USERS.get(role))).status();
                    if (status != 403 && status != 404) {
                        wrong.add(rule.method() + " " + path + " as " + role + ": expected 403 or 404, got " + status);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void signingInWithAWrongPasswordIsRefusedAndThenThrottled() {
        // a user no other test here signs in as, so that the lock-out cannot disturb them
        Http wrong = new Http("lanh-dao.cong-an-tinh", "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get(platform.queries + "/api/plans").status()).isEqualTo(401);
        }
        assertThat(wrong.get(platform.queries + "/api/plans").status()).isEqualTo(429);
        assertThat(http.as("lanh-dao.cong-an-tinh").get(platform.queries + "/api/plans").status()).isEqualTo(429); // locked, whatever the password
        assertThat(http.as("thi-dua").get(platform.queries + "/api/plans").status()).isEqualTo(200);
    }

    /** Twenty wrong passwords sent at once get no more password checks than five in a row would. */
    @Test
    void parallelWrongPasswordsAreCountedBeforeTheyAreChecked() throws Exception {
        Http guesser = new Http("can-bo.khong-ton-tai", "doan-mo");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> guesser.get(platform.queries + "/api/plans").status()));
            }
            int refusedPasswords = 0;
            for (var answer : answers) {
                int status = answer.get();
                assertThat(status).isIn(401, 429);
                refusedPasswords += status == 401 ? 1 : 0;
            }
            assertThat(refusedPasswords).as("password checks answered 401").isLessThanOrEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answersCarrySecurityHeadersAndOversizedBodiesAreRefused() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> plans = client.send(HttpRequest.newBuilder(
                        URI.create(platform.queries + "/api/plans")).header("Authorization", basic("thi-dua")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plans.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(plans.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(plans.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        String huge = "{\"note\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Http.Response tooLarge = http.as("dieu-phoi").post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        // an unexpected failure says nothing of the code or the database
        Http.Response bad = http.post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", "{\"period\":");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(String.valueOf(bad.body())).doesNotContain("Exception", "at vn.tiendo", "SQL", "select ");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void check(String base, List<AccessRule> rules, List<String> wrong) {
        for (AccessRule rule : rules) {
            for (Role role : Role.values()) {
                for (Map<String, String> target : List.of(OWN, OTHER)) {
                    String path = expand(rule.path(), target);
                    boolean other = target == OTHER;
                    Http.Response response = request(base, rule.method(), path, other, http.as(USERS.get(role)));
                    boolean allowedRole = rule.roles().contains(role);
                    boolean limited = rule.scoped() && !role.seesEverything() && other;
                    String expectation;
                    boolean ok;
                    if (!allowedRole) {
                        expectation = "403";
                        ok = response.status() == 403;
                    } else if (limited && (path.contains("QD-1305") || path.contains("cong-an-tinh") || path.contains("monthly"))) {
                        expectation = "403 or 404";
                        ok = response.status() == 403 || response.status() == 404;
                    } else if (limited) {
                        expectation = "a list without the other agency's records";
                        ok = response.status() == 200 && !String.valueOf(response.body()).contains("cong-an-tinh");
                    } else {
                        expectation = "allowed";
                        // allowed means answered: a refusal of the input (400, 404, 409) is fine, a failure (5xx) is not
                        ok = response.status() != 401 && response.status() != 403 && response.status() < 500
                                && !(rule.method() == HttpMethod.GET && response.status() == 404);
                    }
                    if (!ok) {
                        wrong.add(rule.method() + " " + path + " as " + role + (other ? " (other agency)" : "") + ": expected "
                                + expectation + ", got " + response.status());
                    }
                }
            }
        }
    }

    private static Http.Response request(String base, HttpMethod method, String path, boolean other, Http as) {
        String url = base + path;
        if (path.equals("/api/reports/monthly.xlsx")) {
            url += "?period=2025-11&agencyId=" + (other ? "cong-an-tinh" : "so-khcn");
        } else if (path.startsWith("/api/imports/indicators") || path.startsWith("/api/imports/tasks")) {
            url += "?planId=QD-1305-2025";
        }
        if (method == HttpMethod.GET) {
            return path.endsWith(".xlsx") || path.endsWith(".csv") ? as.getStatus(url) : as.get(url);
        }
        return as.post(url, "{}");
    }

    private static String expand(String pattern, Map<String, String> values) {
        String path = pattern;
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        return path;
    }

    private static List<String> unruled(ConfigurableApplicationContext context, List<AccessRule> rules) {
        List<String> missing = new ArrayList<>();
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("vn.tiendo")) {
                return; // springdoc, Spring Boot's error page
            }
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    boolean ruled = rules.stream().anyMatch(r -> r.path().equals(pattern) && r.method().name().equals(method.name()));
                    if (!ruled) {
                        missing.add(method + " " + pattern);
                    }
                }
            }
        });
        return missing;
    }

}
