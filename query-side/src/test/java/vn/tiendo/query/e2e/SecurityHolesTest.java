package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.platform.security.InternalCalls;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;

import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * The holes a security review found (issue "Security: close the holes found in review"), each tried over HTTP against
 * both services on real PostgreSQL the way an attacker would send it. Records are Decision 1305/QĐ-UBND's; A.1 and
 * B.5 are led by Sở KH&CN and A.2 by Công an tỉnh here, so that two agencies face each other.
 */
class SecurityHolesTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(20);
    private static Platform platform;
    private static final Http coordinator = new Http();
    private static JdbcTemplate eventStore;

    @BeforeAll
    static void twoAgenciesWithTheirIndicatorsAndTasks() throws Exception {
        platform = Platform.start("tiendo_test_security", null);
        platform.registerStrategyPlan(coordinator);
        eventStore = platform.commandSide.getBean(JdbcTemplate.class);
        created(coordinator.post(platform.commands + "/api/agencies", """
                {"agencyId":"cong-an-tinh","name":"Công an tỉnh","kind":"PROVINCIAL_UNIT","parentAgencyId":"ubnd-tinh"}"""));
        indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "so-khcn");
        indicator("A.2", "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s.", "cong-an-tinh");
        indicator("B.5", "Tỷ lệ cán bộ, công chức cấp xã, phường được bồi dưỡng kỹ năng số căn bản.", "so-khcn");
        task("1", "Xây dựng kế hoạch triển khai phong trào “Bình dân học vụ số”", "so-khcn");
        task("2", "Hướng dẫn và triển khai các giải pháp bảo đảm an toàn, an ninh thông tin, dữ liệu", "cong-an-tinh");
        // a draft of Sở KH&CN's officer, which the other agency's head must not approve
        created(coordinator.as("can-bo.so-khcn").post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", """
                {"reportId":"a1-draft","period":"2025-10","value":{"kind":"PERCENT","value":52}}"""));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    // 1. Agency scope bypassed with a percent-encoded id

    @Test
    void aPercentEncodedIdDoesNotSlipPastTheAgencyScope() {
        Http otherOfficer = coordinator.as("can-bo.cong-an-tinh");
        Http otherHead = coordinator.as("lanh-dao.cong-an-tinh");
        long indicatorEvents = events("QD-1305-2025.A.1");
        long taskEvents = events("QD-1305-2025.NV-1");
        String a1 = platform.commands + "/api/indicators/QD-1305-2025.%41.1";
        String nv1 = platform.commands + "/api/tasks/QD-1305-2025.NV-%31";

        assertThat(otherOfficer.post(a1 + "/reports", """
                {"period":"2025-11","value":{"kind":"PERCENT","value":99}}""").status()).isEqualTo(403);
        assertThat(otherOfficer.post(a1 + "/reports/a1-draft/corrections", """
                {"newValue":{"kind":"PERCENT","value":99},"reason":"sửa"}""").status()).isEqualTo(403);
        assertThat(otherHead.post(a1 + "/reports/a1-draft/approval", """
                {"expectedVersion":2}""").status()).isEqualTo(403);
        assertThat(otherOfficer.post(nv1 + "/reports", """
                {"period":"2025-11","percentComplete":100}""").status()).isEqualTo(403);
        assertThat(otherHead.post(nv1 + "/completion", """
                {"completedOn":"2025-11-30"}""").status()).isEqualTo(403);
        // the same requests with the id spelled out plainly are refused too
        assertThat(otherOfficer.post(platform.commands + "/api/indicators/QD-1305-2025.A.1/reports", """
                {"period":"2025-11","value":{"kind":"PERCENT","value":99}}""").status()).isEqualTo(403);

        assertThat(events("QD-1305-2025.A.1")).as("events of A.1").isEqualTo(indicatorEvents);
        assertThat(events("QD-1305-2025.NV-1")).as("events of NV-1").isEqualTo(taskEvents);
        // the own agency's officer still reports through an encoded id
        created(coordinator.as("can-bo.so-khcn").post(platform.commands + "/api/indicators/QD-1305-2025.B.%35/reports", """
                {"period":"2025-09","value":{"kind":"PERCENT","value":40}}"""));
    }

    // 10. The web pages' statement of who is acting (query side → command side)

    /** Believed only when signed with the key both services share, unaltered, and then held to that user's scope. */
    @Test
    void theWebPagesStatementOfTheActingUserCannotBeForged() throws Exception {
        String reports = platform.commands + "/api/indicators/QD-1305-2025.A.1/reports";
        String march = """
                {"period":"2025-03","value":{"kind":"PERCENT","value":30}}""";
        long before = events("QD-1305-2025.A.1");
        PlatformUser officer = new PlatformUser("can-bo.so-khcn", "so-khcn", Set.of(Role.OFFICER));
        InternalCalls shared = new InternalCalls(Platform.INTERNAL_KEY, Clock.systemUTC());
        assertThat(actingAs(new InternalCalls("a-key-that-the-services-do-not-share", Clock.systemUTC()).sign(officer), reports, march))
                .as("signed with another key").isEqualTo(401);
        String valid = shared.sign(officer);
        String[] parts = valid.split("\\.");
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(parts[0]),
                StandardCharsets.UTF_8).replace("OFFICER", "COORDINATOR").getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        assertThat(actingAs(promoted, reports, march)).as("roles altered").isEqualTo(401);
        PlatformUser otherOfficer = new PlatformUser("can-bo.cong-an-tinh", "cong-an-tinh", Set.of(Role.OFFICER));
        assertThat(actingAs(shared.sign(otherOfficer), reports, march)).as("another agency's officer").isEqualTo(403);
        assertThat(events("QD-1305-2025.A.1")).isEqualTo(before);
        assertThat(actingAs(valid, reports, march)).isEqualTo(201);
        assertThat(eventStore.queryForObject("select convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' from event_store.domain_event_entry "
                + "where aggregate_identifier = 'QD-1305-2025.A.1' order by sequence_number desc limit 1", String.class)).isEqualTo("can-bo.so-khcn");
    }

    private static int actingAs(String statement, String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header(InternalCalls.HEADER, statement).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anIdTheScopeCannotResolveIsRefusedNotPassedOn() {
        Http.Response unknown = coordinator.as("can-bo.cong-an-tinh").post(platform.commands + "/api/indicators/no-such-indicator/reports", """
                {"period":"2025-11","value":{"kind":"PERCENT","value":99}}""");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(events("no-such-indicator")).isZero();
    }

    // 2. Control characters and numbers PostgreSQL cannot store; a projection that fails must not stop

    @Test
    void controlCharactersAndUnstorableNumbersAreRefusedNamingTheField() {
        String reports = platform.commands + "/api/indicators/QD-1305-2025.A.1/reports";
        long before = events("QD-1305-2025.A.1");
        assertInvalid(coordinator.post(reports, """
                {"period":"2026-01","value":{"kind":"PERCENT","value":50},"note":"số liệu\\u0000"}"""), "note");
        assertInvalid(coordinator.post(reports, """
                {"period":"2026-01","value":{"kind":"PERCENT","value":50},"evidence":[{"documentNumber":"12/BC\\u001b[2J"}]}"""),
                "evidence[0].documentNumber");
        assertInvalid(coordinator.post(reports, """
                {"period":"2026-01","value":{"kind":"PERCENT","value":1E-999999999}}"""), "value");
        assertInvalid(coordinator.post(reports, """
                {"period":"2026-01","value":{"kind":"PERCENT","value":12.3456789012345678901}}"""), "value");
        assertThat(events("QD-1305-2025.A.1")).isEqualTo(before);
        // tab, line feed and carriage return are ordinary text
        created(coordinator.post(reports, """
                {"period":"2026-01","value":{"kind":"PERCENT","value":50},"note":"dòng 1\\r\\ndòng 2\\tcột"}"""));
    }

    @Test
    void aProjectionThatCannotStoreAnEventParksItAndTheOthersKeepProjecting() {
        // an event the projections cannot write (as stored before text was checked): PostgreSQL refuses 0x00 in text
        String id = "QD-1305-2025.B.5";
        long next = eventStore.queryForObject("select max(sequence_number) + 1 from event_store.domain_event_entry where aggregate_identifier = ?",
                Long.class, id);
        platform.commandSide.getBean(EventStore.class).publish(new GenericDomainEventMessage<>("Indicator", id, next,
                new IndicatorProgressReported(id, "nul-report", Period.parse("2025-08"), new MeasuredValue.Percent(new BigDecimal("41")),
                        "ghi chú\u0000", List.of()),
                MetaData.with("actor", "dieu-phoi").and("onBehalfOf", "so-khcn").and("requestId", "parking-test")));

        // reports on other indicators and tasks keep appearing, in every segment
        created(coordinator.post(platform.commands + "/api/indicators/QD-1305-2025.A.2/reports", """
                {"period":"2025-08","value":{"kind":"PERCENT","value":33}}"""));
        created(coordinator.post(platform.commands + "/api/tasks/QD-1305-2025.NV-2/reports", """
                {"period":"2025-08","percentComplete":35}"""));
        created(coordinator.post(platform.commands + "/api/tasks/QD-1305-2025.NV-1/reports", """
                {"period":"2025-08","percentComplete":20}"""));
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.A.2").body().path("period").asText()).isEqualTo("2025-08");
            assertThat(coordinator.get(platform.queries + "/api/tasks/QD-1305-2025.NV-2").body().path("percentComplete").asInt()).isEqualTo(35);
            assertThat(coordinator.get(platform.queries + "/api/tasks/QD-1305-2025.NV-1").body().path("percentComplete").asInt()).isEqualTo(20);
        });
        // and the state says what happened instead of "caught up"
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode states = coordinator.as("quan-tri").get(platform.queries + "/api/admin/projections").body();
            assertThat(states.path("indicator-projection").path("parkedEvents").asLong()).isPositive();
            assertThat(states.path("indicator-projection").path("caughtUp").asBoolean()).isFalse();
            assertThat(states.path("task-projection").path("parkedEvents").asLong()).isZero();
            assertThat(states.path("task-projection").path("caughtUp").asBoolean()).isTrue();
        });
        JsonNode parked = coordinator.as("quan-tri").get(platform.queries + "/api/admin/projections/parked-events").body();
        assertThat(parked.toString()).contains(id, "IndicatorProgressReported");

        // an administrator gives them up, saying why; the act is recorded, the events stay in the store
        Http admin = coordinator.as("quan-tri");
        String eviction = platform.queries + "/api/admin/projections/parked-events/eviction";
        assertInvalid(admin.post(eviction, """
                {"projection":"indicator-projection","aggregateId":"%s"}""".formatted(id)), "reason");
        assertThat(admin.post(eviction, """
                {"projection":"indicator-projection","aggregateId":"no-such-record","reason":"thử"}""").status()).isEqualTo(404);
        long stored = events(id);
        Http.Response evicted = admin.post(eviction, """
                {"projection":"indicator-projection","aggregateId":"%s","reason":"ghi chú chứa ký tự NUL, số liệu đã báo cáo lại"}""".formatted(id));
        assertThat(evicted.status()).as(String.valueOf(evicted.body())).isEqualTo(200);
        assertThat(evicted.body().path("evicted").size()).isPositive();
        assertThat(admin.get(platform.queries + "/api/admin/projections/parked-events").body().toString()).doesNotContain(id);
        JsonNode act = admin.get(platform.queries + "/api/admin/projections/actions").body().get(0);
        assertThat(act.path("action").asText()).isEqualTo("evict");
        assertThat(act.path("actor").asText()).isEqualTo("quan-tri");
        assertThat(act.path("reason").asText()).contains("NUL");
        assertThat(events(id)).isEqualTo(stored);
    }

    // 3. Four eyes

    @Test
    void nobodyAcceptsTheirOwnCorrectionAndApprovalsNameTheVersionSeen() {
        String a1 = platform.commands + "/api/indicators/QD-1305-2025.A.1";
        created(coordinator.post(a1 + "/reports", """
                {"reportId":"a1-2025-12","period":"2025-12","value":{"kind":"PERCENT","value":58}}"""));
        Http.Response proposed = coordinator.post(a1 + "/reports/a1-2025-12/corrections", """
                {"newValue":{"kind":"PERCENT","value":61},"reason":"số liệu nhà mạng cập nhật"}""");
        assertThat(proposed.status()).as(String.valueOf(proposed.body())).isEqualTo(202);
        String proposalId = proposed.body().path("proposalId").asText();
        long version = proposed.body().path("version").asLong();

        Http.Response selfAccepted = coordinator.post(a1 + "/correction-proposals/" + proposalId + "/acceptance",
                "{\"expectedVersion\":" + version + "}");
        assertThat(selfAccepted.status()).isEqualTo(403);
        assertThat(selfAccepted.body().path("detail").asText()).contains("four eyes");
        // another member of the coordinating department may accept it
        Http.Response accepted = coordinator.as("tham-dinh.so-khcn").post(a1 + "/correction-proposals/" + proposalId + "/acceptance",
                "{\"expectedVersion\":" + version + "}");
        assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(200);

        // approving needs the version the approver saw
        Http head = coordinator.as("lanh-dao.so-khcn");
        assertInvalid(head.post(a1 + "/reports/a1-draft/approval", "{}"), "expectedVersion");
        assertThat(head.post(a1 + "/reports/a1-draft/approval", "{\"expectedVersion\":1}").status()).isEqualTo(409);
    }

    @Test
    void twoDraftsForOnePeriodCannotBothBeApproved() {
        Http officer = coordinator.as("can-bo.so-khcn");
        String nv1 = platform.commands + "/api/tasks/QD-1305-2025.NV-1";
        created(officer.post(nv1 + "/reports", """
                {"reportId":"nv1-first","period":"2025-10","percentComplete":30}"""));
        Http.Response second = officer.post(nv1 + "/reports", """
                {"reportId":"nv1-second","period":"2025-10","percentComplete":45}""");
        created(second);
        Http head = coordinator.as("lanh-dao.so-khcn");
        Http.Response first = head.post(nv1 + "/reports/nv1-first/approval", "{\"expectedVersion\":" + second.body().path("version").asLong() + "}");
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        Http.Response again = head.post(nv1 + "/reports/nv1-second/approval", "{\"expectedVersion\":" + first.body().path("version").asLong() + "}");
        assertThat(again.status()).isEqualTo(409);
    }

    // 6. Sizes

    @Test
    void oversizedBodiesAndFieldsAreRefusedEvenWhenChunked() {
        String reports = platform.commands + "/api/indicators/QD-1305-2025.A.1/reports";
        long before = events("QD-1305-2025.A.1");
        // 2.6 MB of short, valid pieces, so that only counting the bytes read can stop it
        byte[] huge = ("{\"period\":\"2026-02\",\"value\":{\"kind\":\"PERCENT\",\"value\":50},\"evidence\":["
                + String.join(",", Collections.nCopies(100_000, "{\"documentNumber\":\"12/BC\"}")) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(coordinator.postChunked(reports, huge).status()).isEqualTo(413);
        assertInvalid(coordinator.post(reports, """
                {"period":"2026-02","value":{"kind":"PERCENT","value":50},"note":"%s"}""".formatted("ghi chú ".repeat(2000))), "note");
        assertInvalid(coordinator.post(reports, """
                {"period":"2026-02","value":{"kind":"PERCENT","value":50},"evidence":[%s]}""".formatted(
                String.join(",", Collections.nCopies(200, "{\"documentNumber\":\"12/BC\"}")))), "evidence");
        Http.Response deep = coordinator.post(reports, "[".repeat(5000) + "]".repeat(5000));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(events("QD-1305-2025.A.1")).isEqualTo(before);
    }

    // 7. Exports that attack their reader

    @Test
    void csvCellsNeverStartAFormulaAndRequestIdsAreSafe() {
        created(coordinator.post(platform.commands + "/api/indicators/QD-1305-2025.A.2/reports", """
                {"period":"2025-07","value":{"kind":"PERCENT","value":30},"note":"=HYPERLINK(\\"http://example.invalid\\",\\"Xem\\")"}"""));
        // the indicator may not be projected yet when this test runs first: a 404 meanwhile is waited out
        await().atMost(PROJECTION_WAIT).ignoreExceptions().untilAsserted(() ->
                assertThat(coordinator.getText(platform.queries + "/api/indicators/QD-1305-2025.A.2/series?format=csv")).contains("HYPERLINK"));
        String csv = coordinator.getText(platform.queries + "/api/indicators/QD-1305-2025.A.2/series?format=csv");
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK", "\n=HYPERLINK", ",\"=HYPERLINK");
        // numbers stay plain decimals, not 6E+1
        assertThat(coordinator.getText(platform.queries + "/api/indicators?format=csv")).doesNotContain("E+");

        Http.Response formulaId = coordinator.post(platform.commands + "/api/indicators/QD-1305-2025.A.2/reports", """
                {"period":"2025-06","value":{"kind":"PERCENT","value":30}}""", "X-Request-Id", "=1+cmd|' /C calc'!A0");
        assertInvalid(formulaId, "X-Request-Id");
    }

    // 11. Paths no controller answers

    /**
     * Malformed or unknown paths, refused by Tomcat before any servlet, by the security firewall, or found by no
     * controller, are answered as problem documents by both services, never an HTML page or Spring's default body.
     */
    @Test
    void malformedAndUnknownPathsAreAnsweredWithProblemDocuments() throws Exception {
        String credentials = Base64.getEncoder().encodeToString(("dieu-phoi:" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String base : List.of(platform.commands, platform.queries)) {
            int port = URI.create(base).getPort();
            for (String path : List.of("/api/indicators/%ZZ/reports", "/api/indicators/a%2Fb/reports", "/api/indicators/a%00b/reports",
                    "/api/indicators/a%5Cb/reports", "/api/indicators/..;/x", "/api/indicators/%2e%2e/reports", "/api//indicators",
                    "/api/no-such-thing")) {
                String answer = rawRequest(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                        + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
                String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
                String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                assertThat(head).as(base + path).matches("(?s)http/1\\.1 4\\d\\d .*").contains("content-type: application/problem+json");
                assertThat(body).as(base + path).contains("\"type\":\"urn:tiendo:problem:").doesNotContain("<html", "\"timestamp\"");
            }
        }
    }

    /** A request written byte for byte: Java's HTTP client refuses to send a malformed path at all. */
    private static String rawRequest(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // 9. Smaller ones

    @Test
    void metricsNeedARoleAndAShortPeriodIsABadRequest() {
        assertThat(Http.anonymousGet(platform.queries + "/actuator/prometheus")).isEqualTo(401);
        assertThat(Http.anonymousGet(platform.commands + "/actuator/prometheus")).isEqualTo(401);
        assertThat(coordinator.as("quan-tri").getStatus(platform.queries + "/actuator/prometheus").status()).isEqualTo(200);
        assertThat(Http.anonymousGet(platform.queries + "/actuator/health")).isEqualTo(200);
        assertInvalid(coordinator.get(platform.queries + "/api/audit/history/QD-1305-2025.A.1?period=ab"), "period");
    }

    private static void assertInvalid(Http.Response response, String field) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).as(String.valueOf(response.body())).contains(field);
    }

    private static long events(String aggregateId) {
        return eventStore.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }

    private static void indicator(String code, String name, String lead) {
        created(coordinator.post(platform.commands + "/api/indicators", Fixtures.indicator(code, name, lead, lead)));
    }

    private static void task(String number, String content, String lead) {
        created(coordinator.post(platform.commands + "/api/tasks", Fixtures.task(number, content, lead)));
    }
}
