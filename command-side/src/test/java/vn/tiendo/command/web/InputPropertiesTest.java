package vn.tiendo.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.command.CommandSideApplication;
import vn.tiendo.events.common.TextRules;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests of what the command API accepts: whatever text, ids, numbers or broken bodies arrive, the
 * answer is either an accepted command stored exactly as the platform promises (text composed, NFC) or a 4xx problem
 * document naming the field, with nothing stored; never a 5xx, never the input echoed back.
 */
class InputPropertiesTest {

    private static final String DATABASE = "tiendo_test_input_properties";
    private static final String PASSWORD = "test-only-password";
    private static final String INDICATOR = "QD-1305-2025.A.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Agency ids the API accepted in this run: a second registration of one is a conflict, not a bad id. */
    private static final Set<String> REGISTERED = new HashSet<>();

    private static ConfigurableApplicationContext commandSide;
    private static String base;
    private static JdbcTemplate jdbc;

    @BeforeContainer
    static void start() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
        }
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class).properties(CommandSideApplication.CONFIG_NAME)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        base = "http://127.0.0.1:" + commandSide.getEnvironment().getProperty("local.server.port");
        jdbc = commandSide.getBean(JdbcTemplate.class);
        for (String[] command : new String[][]{
                {"/api/agencies", """
                        {"agencyId":"ubnd-tinh","name":"UBND tỉnh Bắc Ninh","kind":"PROVINCE"}"""},
                {"/api/agencies", """
                        {"agencyId":"so-khcn","name":"Sở Khoa học và Công nghệ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""},
                {"/api/plans", """
                        {"planId":"QD-1305-2025","documentNumber":"1305/QĐ-UBND","issuedOn":"2025-10-29","issuer":"UBND tỉnh Bắc Ninh",
                         "title":"Chiến lược chuyển đổi số tỉnh Bắc Ninh giai đoạn 2025-2030","periodStart":"2025-01-01","periodEnd":"2030-12-31"}"""},
                {"/api/indicators", """
                        {"indicatorId":"QD-1305-2025.A.1","planId":"QD-1305-2025","code":"A.1","name":"Tỷ lệ phủ sóng 5G trên địa bàn",
                         "unit":"% dân số","measure":{"kind":"PERCENT"},"direction":"INCREASE",
                         "targets":[{"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"100%"}],
                         "leadAgencyId":"so-khcn","monitoringAgencyId":"so-khcn"}"""}}) {
            HttpResponse<String> response = post(command[0], command[1]);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        REGISTERED.addAll(List.of("ubnd-tinh", "so-khcn"));
    }

    @AfterContainer
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    // Text: any Unicode, Vietnamese composed or decomposed, control characters, script and SQL fragments

    @Property(tries = 200)
    void anyNameIsStoredComposedOrRefusedNamingTheField(@ForAll("names") String name) throws Exception {
        String agencyId = "don-vi-" + SEQUENCE.incrementAndGet();
        ObjectNode body = JSON.createObjectNode().put("agencyId", agencyId).put("name", name).put("kind", "DEPARTMENT")
                .put("parentAgencyId", "ubnd-tinh");
        HttpResponse<String> response = post("/api/agencies", JSON.writeValueAsString(body));
        // what the server received: UTF-8 cannot carry a lone surrogate, which the encoder turns into '?'
        String sent = new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String composed = Normalizer.normalize(sent, Normalizer.Form.NFC);
        boolean acceptable = TextRules.violationOf(sent).isEmpty() && !composed.trim().isEmpty()
                && composed.length() <= TextRules.MAX_NAME;
        if (acceptable) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(storedName(agencyId)).isEqualTo(composed);
        } else {
            assertRefused(response, "name", name);
            assertThat(eventsOf(agencyId)).isZero();
        }
    }

    @Property(tries = 200)
    void anyIdIsStoredExactlyOrRefusedNamingTheField(@ForAll("ids") String agencyId) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("agencyId", agencyId).put("name", "Phòng Văn hóa, Khoa học và Thông tin")
                .put("kind", "DEPARTMENT").put("parentAgencyId", "ubnd-tinh");
        HttpResponse<String> response = post("/api/agencies", JSON.writeValueAsString(body));
        if (!agencyId.matches(Ids.PATTERN)) {
            assertRefused(response, "agencyId", agencyId);
        } else if (REGISTERED.contains(agencyId)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(eventsOf(agencyId)).isEqualTo(1);
            REGISTERED.add(agencyId);
        }
    }

    // Numbers a percentage cannot hold or PostgreSQL cannot store

    @Property(tries = 150)
    void numbersThePercentCannotHoldAreRefusedNamingTheValue(@ForAll("unholdableNumbers") String number) throws Exception {
        long before = eventsOf(INDICATOR);
        HttpResponse<String> response = post("/api/indicators/" + INDICATOR + "/reports", """
                {"period":"2025-10","value":{"kind":"PERCENT","value":%s}}""".formatted(number));
        assertRefused(response, "value", number);
        assertThat(eventsOf(INDICATOR)).isEqualTo(before);
    }

    // Broken bodies: cut short, a character slipped in, a field of the wrong type

    @Property(tries = 200)
    void aBrokenBodyIsAnsweredWithAProblemAndStoresNothingWhenRefused(@ForAll("brokenBodies") String body) throws Exception {
        long before = eventsOf(INDICATOR);
        HttpResponse<String> response = post("/api/indicators/" + INDICATOR + "/reports", body);
        assertThat(response.statusCode()).as(body + " → " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("type").asText()).startsWith("urn:tiendo:problem:");
            assertThat(eventsOf(INDICATOR)).isEqualTo(before);
        } else {
            // a mutation that is still a valid report: one report, and the coordinator's approval of it
            assertThat(eventsOf(INDICATOR) - before).isBetween(1L, 2L);
        }
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("Sở", "Khoa học", "Công nghệ", "Phòng Văn hóa, Khoa học và Thông tin", "Ủy ban nhân dân", "phường Đống Đa",
                        "Văn phòng HĐND-UBND", "Ngân hàng Nhà nước chi nhánh tỉnh Bắc Ninh", "huyện Yên Thế", " ", "  ", "\t", "\n"),
                Arbitraries.of("Sở", "Khoa học", "Ủy ban", "Đống Đa", "Bắc Ninh").map(s -> Normalizer.normalize(s, Normalizer.Form.NFD)),
                Arbitraries.of("<script>alert(1)</script>", "'; drop table event_store.domain_event_entry; --", "\" onmouseover=\"x",
                        "${jndi:ldap://example.invalid/a}", "{{7*7}}", "=HYPERLINK(\"x\")", "\\u0000", "%00", "../../etc/passwd"),
                Arbitraries.chars().range('\u0300', '\u0323').map(String::valueOf),           // combining marks alone
                Arbitraries.of("\u200B", "\u00A0", "\u202E", "\uFEFF", "😀", "\uD83D", "\uDE00", "\uFFFF"),
                Arbitraries.chars().range('\u0000', '\u001F').map(String::valueOf),           // controls, tab, LF and CR
                Arbitraries.chars().range('\u007F', '\u009F').map(String::valueOf),
                Arbitraries.strings().ofMaxLength(20));
        Arbitrary<String> ordinary = piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
        Arbitrary<String> overlong = Arbitraries.integers().between(TextRules.MAX_NAME - 2, TextRules.MAX_NAME + 3)
                .map(n -> "ệ".repeat(n));
        return Arbitraries.frequencyOf(Tuple.of(9, ordinary), Tuple.of(1, overlong));
    }

    @Provide
    Arbitrary<String> ids() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('.', '_', ':', '-')
                .ofMinLength(1).ofMaxLength(105);
        Arbitrary<String> odd = Arbitraries.of("", " ", "so-khcn", "so-khcn ", "SO-KHCN", "so%2Dkhcn", "so/khcn", "so\\khcn", "../so-khcn",
                "so-khcn\u0000", "sở-khcn", "so-khcn\u200B", "-so-khcn", ".hidden", "so-khcn;drop", "<b>x</b>", "a".repeat(101));
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(30);
        return Arbitraries.oneOf(plain, odd, anything);
    }

    @Provide
    Arbitrary<String> unholdableNumbers() {
        Arbitrary<String> negative = Arbitraries.bigDecimals().between(new BigDecimal("-1E9"), new BigDecimal("-0.000001")).ofScale(6)
                .map(BigDecimal::toPlainString);
        Arbitrary<String> aboveHundred = Arbitraries.bigDecimals().between(new BigDecimal("100.000001"), new BigDecimal("1E12")).ofScale(6)
                .map(BigDecimal::toPlainString);
        Arbitrary<String> hugeExponent = Arbitraries.integers().between(400, 999_999_999).map(e -> "1E" + e);
        Arbitrary<String> tinyExponent = Arbitraries.integers().between(400, 999_999_999).map(e -> "1E-" + e);
        Arbitrary<String> tooManyDigits = Arbitraries.strings().numeric().ofMinLength(20).ofMaxLength(90).map(digits -> "12." + digits + "7");
        return Arbitraries.oneOf(negative, aboveHundred, hugeExponent, tinyExponent, tooManyDigits);
    }

    @Provide
    Arbitrary<String> brokenBodies() {
        String valid = """
                {"period":"2025-11","value":{"kind":"PERCENT","value":50},"note":"số liệu nhà mạng","evidence":[{"documentNumber":"125/BC-SKHCN"}]}""";
        Arbitrary<String> cut = Arbitraries.integers().between(0, valid.length() - 1).map(i -> valid.substring(0, i));
        Arbitrary<String> slipped = Combinators.combine(Arbitraries.integers().between(0, valid.length()),
                        Arbitraries.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\u0000", "'", "NaN", "null", "\uFFFF", "/*", "0x1F"))
                .as((i, s) -> valid.substring(0, i) + s + valid.substring(i));
        Arbitrary<String> wrongType = Combinators.combine(
                        Arbitraries.of("\"period\":\"2025-11\"", "\"kind\":\"PERCENT\"", "\"value\":50", "\"note\":\"số liệu nhà mạng\"",
                                "\"evidence\":[{\"documentNumber\":\"125/BC-SKHCN\"}]"),
                        Arbitraries.of("true", "[]", "{}", "\"\"", "-1", "1E400", "\"2025-13\"", "[[[[[]]]]]", "\"x\"", "12345678901234567890"))
                .as((field, value) -> valid.replace(field, field.substring(0, field.indexOf(':') + 1) + value));
        return Arbitraries.oneOf(cut, slipped, wrongType);
    }

    /** 400, a problem document naming {@code field}, and nothing of the input echoed back. */
    private static void assertRefused(HttpResponse<String> response, String field, String input) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).as(response.body()).anyMatch(f -> f.equals(field) || f.startsWith(field + "."));
        if (input.strip().length() >= 4) {
            assertThat(response.body()).as("the input is not echoed").doesNotContain(input.strip());
        }
    }

    private static String storedName(String agencyId) {
        return jdbc.queryForObject("select convert_from(payload, 'UTF8')::jsonb ->> 'name' from event_store.domain_event_entry "
                + "where aggregate_identifier = ?", String.class, agencyId);
    }

    private static long eventsOf(String aggregateId) {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("dieu-phoi:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
