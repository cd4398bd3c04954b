package vn.tiendo.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.command.CommandSideTest;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command API over HTTP against the real PostgreSQL event store, with indicator A.1 of Decision 1305/QĐ-UBND.
 */
@CommandSideTest
class CommandApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private String suffix;
    private String indicatorId;

    @BeforeEach
    void registerPlanAgencyAndIndicator() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        indicatorId = "QD-1305-2025.A.1-" + suffix;
        assertThat(post("/api/agencies", """
                {"agencyId":"ubnd-tinh-%1$s","name":"UBND tỉnh Bắc Ninh","kind":"PROVINCE"}""".formatted(suffix), null).getStatusCode().value())
                .isEqualTo(201);
        assertThat(post("/api/agencies", """
                {"agencyId":"so-khcn-%1$s","name":"Sở Khoa học và Công nghệ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh-%1$s"}"""
                .formatted(suffix), null).getStatusCode().value()).isEqualTo(201);
        assertThat(post("/api/plans", """
                {"planId":"QD-1305-2025-%s","documentNumber":"1305/QĐ-UBND","issuedOn":"2025-10-29","issuer":"UBND tỉnh Bắc Ninh",
                 "title":"Chiến lược chuyển đổi số tỉnh Bắc Ninh giai đoạn 2025-2030","periodStart":"2025-01-01","periodEnd":"2030-12-31"}"""
                .formatted(suffix), null).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> defined = post("/api/indicators", """
                {"indicatorId":"%1$s","planId":"QD-1305-2025-%2$s","code":"A.1","name":"Tỷ lệ phủ sóng 5G trên địa bàn","unit":"%% dân số",
                 "measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":60},"asWritten":"≥ 60%%"},
                            {"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"100%%"}],
                 "leadAgencyId":"so-khcn-%2$s","monitoringAgencyId":"so-khcn-%2$s"}""".formatted(indicatorId, suffix), null);
        assertThat(defined.getStatusCode().value()).as(defined.getBody()).isEqualTo(201);
    }

    @Test
    void aReportIsStoredWithWhoForWhomAndWhichRequest() throws Exception {
        ResponseEntity<String> response = post("/api/indicators/" + indicatorId + "/reports",
                """
                {"period":"2025-06","value":{"kind":"PERCENT","value":48.5},"note":"theo số liệu nhà mạng",
                 "evidence":[{"documentNumber":"125/BC-SKHCN","issuedOn":"2025-07-05","issuer":"Sở KH&CN","title":"Báo cáo tháng 6"}]}""",
                null);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode body = json.readTree(response.getBody());
        // the coordinator's report is approved as sent: reported (1), approved (2)
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(body.get("reportId").asText()).isNotBlank();

        String metaData = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 1", String.class, indicatorId);
        JsonNode meta = json.readTree(metaData);
        assertThat(meta.get("actor").asText()).isEqualTo("dieu-phoi");
        assertThat(meta.get("onBehalfOf").asText()).isEqualTo("so-khcn");
        assertThat(meta.get("requestId").asText()).isNotBlank();
        assertThat(meta.get("correlationId").asText()).isNotBlank();
        assertThat(meta.get("recordedAt").asText()).isEqualTo(jdbc.queryForObject("select time_stamp from event_store.domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 1", String.class, indicatorId));
        assertThat(meta.get("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(meta.get("previousHash").asText()).isEqualTo(json.readTree(jdbc.queryForObject("select convert_from(meta_data, 'UTF8') "
                + "from event_store.domain_event_entry where aggregate_identifier = ? and sequence_number = 0", String.class, indicatorId))
                .get("hash").asText());
        String payloadType = jdbc.queryForObject("select payload_type || '@' || payload_revision from event_store.domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 1", String.class, indicatorId);
        assertThat(payloadType).isEqualTo("vn.tiendo.events.indicator.IndicatorProgressReported@1");
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns where table_schema = 'event_store' "
                + "and table_name = 'domain_event_entry' and column_name = 'payload'", String.class)).isEqualTo("bytea");
    }

    /** The same Vietnamese name typed decomposed (NFD) is stored composed: one spelling in every event. */
    @Test
    void decomposedTextIsStoredComposed() throws Exception {
        String composed = "Phòng Văn hóa, Khoa học và Thông tin";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        String agencyId = "phong-vhkhtt-" + suffix;
        assertThat(post("/api/agencies", """
                {"agencyId":"%s","name":"%s","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh-%s"}""".formatted(agencyId, decomposed, suffix), null)
                .getStatusCode().value()).isEqualTo(201);
        String stored = jdbc.queryForObject("select convert_from(payload, 'UTF8')::jsonb ->> 'name' from event_store.domain_event_entry "
                + "where aggregate_identifier = ?", String.class, agencyId);
        assertThat(stored).isEqualTo(composed);
    }

    @Test
    void aValueOutsideTheMeasureIs400NamingTheFieldAndStoresNothing() throws Exception {
        ResponseEntity<String> response = post("/api/indicators/" + indicatorId + "/reports",
                """
                {"period":"2025-06","value":{"kind":"PERCENT","value":120}}""", null);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("value");
        assertThat(eventCount()).isEqualTo(1);
    }

    @Test
    void aMalformedPeriodIs400NamingTheField() throws Exception {
        ResponseEntity<String> response = post("/api/indicators/" + indicatorId + "/reports",
                """
                {"period":"2025-13","value":{"kind":"PERCENT","value":20}}""", null);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(response.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("period");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() throws Exception {
        ResponseEntity<String> response = post("/api/indicators/" + indicatorId + "/target-revisions", "{}", null);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactly("newTarget", "reason");
    }

    @Test
    void aCommandWithoutCredentialsIs401AndTheBodyCannotNameTheActor() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange("/api/indicators/" + indicatorId + "/reports", HttpMethod.POST,
                new HttpEntity<>("""
                        {"period":"2025-06","value":{"kind":"PERCENT","value":20}}""", headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(response.getBody()).get("type").asText()).isEqualTo("urn:tiendo:problem:unauthenticated");
        // a body that claims an actor is refused, and the headers of old are ignored
        HttpHeaders claimed = new HttpHeaders();
        claimed.setContentType(MediaType.APPLICATION_JSON);
        claimed.setBasicAuth("dieu-phoi", "test-only-password");
        claimed.set("X-Actor", "someone-else");
        assertThat(http.exchange("/api/indicators/" + indicatorId + "/reports", HttpMethod.POST, new HttpEntity<>("""
                {"period":"2025-06","value":{"kind":"PERCENT","value":20},"actor":"someone-else"}""", claimed), String.class)
                .getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> accepted = http.exchange("/api/indicators/" + indicatorId + "/reports", HttpMethod.POST, new HttpEntity<>("""
                {"period":"2025-06","value":{"kind":"PERCENT","value":20}}""", claimed), String.class);
        assertThat(accepted.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 1", String.class, indicatorId)).get("actor").asText()).isEqualTo("dieu-phoi");
    }

    @Test
    void anUnknownIndicatorIs404() {
        ResponseEntity<String> response = post("/api/indicators/no-such-indicator/reports",
                """
                {"period":"2025-06","value":{"kind":"PERCENT","value":20}}""", null);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anUnknownAgencyIs400NamingTheField() throws Exception {
        ResponseEntity<String> response = post("/api/indicators/" + indicatorId + "/reassignments",
                """
                {"toAgencyId":"no-such-agency","reason":"phân công lại","effectiveDate":"2026-01-01"}""", null);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(response.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("toAgencyId");
    }

    @Test
    void aStaleVersionIs409() {
        String first = """
                {"expectedVersion":0,"period":"2025-06","value":{"kind":"PERCENT","value":48.5}}""";
        assertThat(post("/api/indicators/" + indicatorId + "/reports", first, null).getStatusCode().value()).isEqualTo(201);
        String stale = """
                {"expectedVersion":0,"period":"2025-07","value":{"kind":"PERCENT","value":50}}""";
        ResponseEntity<String> response = post("/api/indicators/" + indicatorId + "/reports", stale, null);
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(3);
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesOneEventAndTheSameAnswer() {
        String body = """
                {"period":"2025-06","value":{"kind":"PERCENT","value":48.5}}""";
        String key = "report-" + suffix;
        ResponseEntity<String> first = post("/api/indicators/" + indicatorId + "/reports", body, key);
        ResponseEntity<String> second = post("/api/indicators/" + indicatorId + "/reports", body, key);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getFirst(CommandDispatcher.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(3);

        ResponseEntity<String> different = post("/api/indicators/" + indicatorId + "/reports", body.replace("48.5", "49"), key);
        assertThat(different.getStatusCode().value()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(3);
    }

    /** A key is its sender's own: another user who sends the same key gets their own request done, not an error. */
    @Test
    void anotherUserWithTheSameIdempotencyKeyMakesTheirOwnRequest() {
        String key = "shared-key-" + suffix;
        ResponseEntity<String> mine = post("dieu-phoi", "/api/indicators/" + indicatorId + "/reports", """
                {"period":"2025-07","value":{"kind":"PERCENT","value":50}}""", key);
        ResponseEntity<String> theirs = post("tham-dinh.so-khcn", "/api/indicators/" + indicatorId + "/reports", """
                {"period":"2025-08","value":{"kind":"PERCENT","value":51}}""", key);
        assertThat(mine.getStatusCode().value()).isEqualTo(201);
        assertThat(theirs.getStatusCode().value()).as(theirs.getBody()).isEqualTo(201);
        assertThat(theirs.getHeaders().getFirst(CommandDispatcher.REPLAYED_HEADER)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = 'vn.tiendo.events.indicator.IndicatorProgressReported'", Long.class, indicatorId)).isEqualTo(2);
        // and each one's retry is still answered from their own key
        assertThat(post("tham-dinh.so-khcn", "/api/indicators/" + indicatorId + "/reports", """
                {"period":"2025-08","value":{"kind":"PERCENT","value":51}}""", key).getHeaders().getFirst(CommandDispatcher.REPLAYED_HEADER))
                .isEqualTo("true");
    }

    @Test
    void aFailedCommandDoesNotUseUpItsIdempotencyKey() {
        String key = "retry-" + suffix;
        assertThat(post("/api/indicators/" + indicatorId + "/reports", """
                {"period":"2031-01","value":{"kind":"PERCENT","value":48.5}}""", key).getStatusCode().value()).isEqualTo(400);
        assertThat(post("/api/indicators/" + indicatorId + "/reports", """
                {"period":"2031-01","value":{"kind":"PERCENT","value":48.5}}""".replace("2031-01", "2025-06"), key)
                .getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aSecondIndicatorWithTheSameCodeInThePlanIs409() {
        ResponseEntity<String> response = post("/api/indicators", """
                {"planId":"QD-1305-2025-%1$s","code":"A.1","name":"trùng mã","measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "leadAgencyId":"so-khcn-%1$s","monitoringAgencyId":"so-khcn-%1$s"}""".formatted(suffix), null);
        assertThat(response.getStatusCode().value()).isEqualTo(409);
    }

    /** Tenure over HTTP: bad input names its fields and stores nothing; a second head while one is in office is 409. */
    @Test
    void aHeadOfAgencyIsRecordedByADecisionOneAtATime() throws Exception {
        String heads = "/api/agencies/so-khcn-" + suffix + "/heads";
        ResponseEntity<String> controlCharacter = post(heads, """
                {"holder":"Giám đốc\\u0000Sở","position":"Giám đốc"}""", null);
        assertThat(controlCharacter.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(controlCharacter.getBody()).get("errors").findValuesAsText("field")).contains("holder");
        ResponseEntity<String> missing = post(heads, """
                {"holder":"Giám đốc Sở","position":"Giám đốc"}""", null);
        assertThat(json.readTree(missing.getBody()).get("errors").findValuesAsText("field")).containsExactly("decisionReference", "from");
        assertThat(tenureEvents()).isZero();
        String appointment = """
                {"holder":"Giám đốc Sở (nhiệm kỳ trước)","position":"Giám đốc","decisionReference":"Quyết định 101/QĐ-UBND","from":"2025-01-01"}""";
        assertThat(post(heads, appointment, null).getStatusCode().value()).isEqualTo(200);
        assertThat(post(heads, appointment, null).getStatusCode().value()).isEqualTo(409);
        assertThat(post(heads + "/leaving", """
                {"to":"2024-12-31","decisionReference":"Quyết định 54/QĐ-UBND"}""", null).getStatusCode().value()).isEqualTo(400);
        assertThat(tenureEvents()).isEqualTo(1);
    }

    private long tenureEvents() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like 'vn.tiendo.events.agency.Head%'", Long.class, "so-khcn-" + suffix);
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("/api/indicators/{indicatorId}/reports");
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ?", Long.class, indicatorId);
    }

    private ResponseEntity<String> post(String path, String body, String idempotencyKey) {
        return post("dieu-phoi", path, body, idempotencyKey);
    }

    private ResponseEntity<String> post(String user, String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        headers.setBasicAuth(user, "test-only-password");
        if (idempotencyKey != null) {
            headers.set(CommandDispatcher.IDEMPOTENCY_HEADER, idempotencyKey);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
