package vn.tiendo.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import vn.tiendo.command.CommandSideTest;
import vn.tiendo.command.demo.CatalogFiles;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province's 2026 plan (001) imported as the document lays out its appendices: indicators in groups A–E numbered
 * 1–58 across them, tasks in groups I–X numbered again from 1 under each (group VII writes 22 and 24–28 twice).
 * The rows were extracted verbatim from the document's text (docs/plans/extract-001.py; each keeps its source line in
 * "Dòng nguồn") and go up as XLSX. The task table names agencies as the plan writes them, short or collective: the
 * dry run proposes what they mean, the coordinator confirms each once, and the file then imports.
 */
@CommandSideTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/tiendo_test_plan_2026")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Plan2026ImportTest {

    private static final String PLAN = "KH-2026-NQ57";

    /** What each name the task table writes means, as the coordinator confirms it (the proposal where there is one). */
    private static final Map<String, String> CONFIRMED = new LinkedHashMap<>();

    static {
        CONFIRMED.put("Các sở, ngành, địa phương", "ubnd-tinh");
        CONFIRMED.put("địa phương", "ubnd-tinh");
        CONFIRMED.put("Sở, ngành liên quan", "ubnd-tinh");
        CONFIRMED.put("Cơ quan liên quan", "ubnd-tinh");
        // leads the plan leaves to other documents of the province: UBND tỉnh answers for them
        CONFIRMED.put("Theo Kế hoạch 86, 87/KH-UBND của UBND tỉnh", "ubnd-tinh");
        CONFIRMED.put("Theo Đề án được UBND tỉnh phê duyệt", "ubnd-tinh");
        CONFIRMED.put("Theo Kế hoạch 144/KH-UBND", "ubnd-tinh");
        CONFIRMED.put("Bộ CHQS tỉnh", "bo-chqs-tinh");
        CONFIRMED.put("Liên hiệp các hội KTKT tỉnh", "lien-hiep-hoi-khkt");
        CONFIRMED.put("Liên hiệp các hội KHKT tỉnh", "lien-hiep-hoi-khkt");
        CONFIRMED.put("Liên hiệp các hội KHCKT tỉnh", "lien-hiep-hoi-khkt");
        CONFIRMED.put("Sở Dân tộc, tôn giáo", "so-dan-toc-ton-giao");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private ResponseEntity<String> upload(String path, String fileName, byte[] content) {
        return new CoordinatorRequests(http, json).upload(path, fileName, content);
    }

    private ResponseEntity<String> post(String path, String body) {
        return new CoordinatorRequests(http, json).post(path, body);
    }

    private JsonNode ok(ResponseEntity<String> response) throws Exception {
        return new CoordinatorRequests(http, json).ok(response);
    }

    @BeforeAll
    void agenciesAndThePlan() throws Exception {
        ok(upload("/api/imports/agencies", "co-quan.xlsx", Spreadsheets.xlsx(Spreadsheets.rows(new CatalogFiles(json).agencies()))));
        // agencies the plan names that the catalog of the other plans does not hold
        ok(upload("/api/imports/agencies", "co-quan-ke-hoach-2026.csv", """
                Mã,Tên,Loại,Cơ quan cấp trên
                so-tu-phap,Sở Tư pháp,DEPARTMENT,ubnd-tinh
                thanh-tra-tinh,Thanh tra tỉnh,DEPARTMENT,ubnd-tinh
                bo-chqs-tinh,Bộ Chỉ huy Quân sự tỉnh,PROVINCIAL_UNIT,ubnd-tinh
                lien-hiep-hoi-khkt,Liên hiệp các hội Khoa học và Kỹ thuật tỉnh,PROVINCIAL_UNIT,ubnd-tinh
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(post("/api/plans", """
                {"planId":"KH-2026-NQ57","documentNumber":"KH-UBND (2026)","issuer":"UBND tỉnh Bắc Ninh",
                 "title":"Kế hoạch thực hiện Thông báo kết luận số 17-TB/CQTTBCĐ và Nghị quyết số 11/NQ-CP về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026",
                 "periodStart":"2026-01-01","periodEnd":"2030-12-31"}""").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void appendixOneComesInAsTheDocumentWritesIt() throws Exception {
        JsonNode outcome = ok(upload("/api/imports/indicators?planId=" + PLAN, "001-phu-luc-I-chi-tieu.xlsx", xlsx("001-phu-luc-I-chi-tieu.csv")));
        assertThat(outcome.get("created").asInt()).isEqualTo(58);
        assertThat(count("select count(*) from command_side.indicator_code where plan_id = ?", PLAN)).isEqualTo(58);
        // the groups A–E with rows numbered across them, as the document writes them
        JsonNode coverage = payload(PLAN + ".A.1", "IndicatorDefined");
        assertThat(coverage.get("name").asText()).isEqualTo("Tỷ lệ phủ sóng 5G trên địa bàn");
        assertThat(coverage.at("/groupPath/0").asText()).isEqualTo("A. Phát triển hạ tầng");
        assertThat(coverage.at("/targets/0/period").asText()).isEqualTo("2026");
        assertThat(coverage.at("/targets/1/period").asText()).isEqualTo("2030");
        assertThat(coverage.get("leadAgencyId").asText()).isEqualTo("so-khcn");
        JsonNode enterprises = payload(PLAN + ".C.9", "IndicatorDefined");
        assertThat(enterprises.at("/measure/kind").asText()).isEqualTo("COUNT");
        assertThat(enterprises.at("/targets/0/asWritten").asText()).isEqualTo("≥ 40");
        assertThat(enterprises.at("/groupPath/0").asText()).isEqualTo("C. Phát triển khoa học, công nghệ");
        JsonNode online = payload(PLAN + ".E.35", "IndicatorDefined");
        assertThat(online.get("name").asText()).isEqualTo("Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.");
        assertThat(online.at("/targets/0/comparator").asText()).isEqualTo(">=");
        assertThat(online.at("/targets/0/value/value").decimalValue()).isEqualByComparingTo("95");
        assertThat(online.get("leadAgencyId").asText()).isEqualTo("van-phong-ubnd");
        // row 30 runs over a page break in the document: one indicator, its name whole
        assertThat(payload(PLAN + ".E.30", "IndicatorDefined").get("name").asText())
                .isEqualTo("Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa trung ương và địa phương, giữa các cấp chính quyền.");
        assertThat(payload(PLAN + ".E.53", "IndicatorDefined").get("leadAgencyId").asText()).isEqualTo("ngan-hang-nha-nuoc");
        assertThat(payload(PLAN + ".E.48", "IndicatorDefined").get("leadAgencyId").asText()).isEqualTo("tinh-doan");
        // targets the plan states in words are kept as written and flagged
        assertThat(outcome.get("flags").findValuesAsText("message")).anyMatch(m -> m.contains("Top 10"));
    }

    @Test
    void appendixTwoNeedsItsNamesConfirmedOnceThenComesIn() throws Exception {
        byte[] tasks = xlsx("001-phu-luc-II-nhiem-vu.csv");
        ResponseEntity<String> dryRun = upload("/api/imports/tasks?planId=" + PLAN + "&dryRun=true", "001-phu-luc-II-nhiem-vu.xlsx", tasks);
        assertThat(dryRun.getStatusCode().value()).isEqualTo(400);
        JsonNode unknown = json.readTree(dryRun.getBody()).get("unknownNames");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        unknown.forEach(u -> byName.put(u.get("name").asText(), u));
        assertThat(byName.get("Các sở, ngành, địa phương").at("/proposals/0/agencyId").asText()).isEqualTo("ubnd-tinh");
        assertThat(byName.get("Các sở, ngành, địa phương").get("rows").size()).as("one name, confirmed once for all its rows").isGreaterThan(100);
        assertThat(byName.get("Sở Dân tộc, tôn giáo").at("/proposals/0/agencyId").asText()).isEqualTo("so-dan-toc-ton-giao");
        assertThat(count("select count(*) from command_side.task where plan_id = ?", PLAN)).isZero();

        for (Map.Entry<String, String> name : CONFIRMED.entrySet()) {
            ResponseEntity<String> confirmed = post("/api/agencies/" + name.getValue() + "/aliases", json.writeValueAsString(Map.of(
                    "alias", name.getKey(), "reason", "Tên gọi trong Phụ lục II, Kế hoạch năm 2026")));
            assertThat(confirmed.getStatusCode().value()).as(name.getKey() + ": " + confirmed.getBody()).isEqualTo(200);
        }
        JsonNode preview = ok(upload("/api/imports/tasks?planId=" + PLAN + "&dryRun=true", "001-phu-luc-II-nhiem-vu.xlsx", tasks));
        assertThat(preview.get("created").asInt()).isEqualTo(162);
        assertThat(preview.get("flags").findValuesAsText("message"))
                .anyMatch(m -> m.contains("STT VII.22 appears again: this row is kept as another task, VII.22-2"));

        JsonNode outcome = ok(upload("/api/imports/tasks?planId=" + PLAN, "001-phu-luc-II-nhiem-vu.xlsx", tasks));
        assertThat(outcome.get("created").asInt()).isEqualTo(162);
        assertThat(count("select count(*) from command_side.task where plan_id = ?", PLAN)).isEqualTo(162);
        // numbered again under each heading: the first task of group I is I.1
        JsonNode first = payload(PLAN + ".NV-I.1", "TaskAssigned");
        assertThat(first.get("content").asText()).startsWith("Tham mưu Tỉnh ủy ban hành Chương trình đột phá");
        assertThat(first.get("leadAgencyId").asText()).isEqualTo("so-khcn");
        assertThat(first.at("/deadline/dueDate").asText()).isEqualTo("2026-03-31");
        assertThat(first.at("/groupPath/0").asText()).isEqualTo("I. Công tác lãnh đạo, chỉ đạo");
        // "Các sở, ngành, địa phương" coordinate: the collective the coordinator confirmed as UBND tỉnh
        assertThat(first.get("coordinatingAgencyIds").toString()).isEqualTo("[\"ubnd-tinh\"]");
        // the second "22" of group VII, led by Sở Tài chính
        JsonNode again = payload(PLAN + ".NV-VII.22-2", "TaskAssigned");
        assertThat(again.get("content").asText()).startsWith("Xây dựng các giải pháp để thúc đẩy việc chuyển giao tri thức");
        assertThat(again.get("leadAgencyId").asText()).isEqualTo("so-tai-chinh");
        // a lead the plan leaves to another plan of the province, confirmed as UBND tỉnh
        assertThat(payload(PLAN + ".NV-IV.7", "TaskAssigned").get("leadAgencyId").asText()).isEqualTo("ubnd-tinh");
        // several leads in one cell: the first leads, the others coordinate
        JsonNode shared = payload(PLAN + ".NV-I.4", "TaskAssigned");
        assertThat(shared.get("leadAgencyId").asText()).isEqualTo("so-khcn");
        assertThat(shared.get("coordinatingAgencyIds").toString()).contains("so-noi-vu", "cong-an-tinh");
        assertThat(payload(PLAN + ".NV-VIII.7", "TaskAssigned").get("leadAgencyId").asText()).isEqualTo("bo-chqs-tinh");
        // the same file again: nothing new
        long events = count("select count(*) from event_store.domain_event_entry");
        JsonNode again2 = ok(upload("/api/imports/tasks?planId=" + PLAN, "001-phu-luc-II-nhiem-vu.xlsx", tasks));
        assertThat(again2.get("unchanged").asInt()).isEqualTo(162);
        assertThat(count("select count(*) from event_store.domain_event_entry")).isEqualTo(events);
    }

    private byte[] xlsx(String csvResource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/plans/001/" + csvResource)) {
            return Spreadsheets.xlsx(Spreadsheets.rows(in.readAllBytes()));
        }
    }

    private JsonNode payload(String aggregateId, String eventType) throws Exception {
        return json.readTree(jdbc.queryForObject("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like ? order by sequence_number limit 1", String.class,
                aggregateId, "%." + eventType));
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
