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
import vn.tiendo.events.common.TextRules;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports every table of the real plans as the XLSX files agencies would upload, over HTTP, and checks what came in
 * against the documents; re-imports, changed rows and bad files.
 */
@CommandSideTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/tiendo_test_import")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportTest {

    private static final String STRATEGY = CatalogFiles.STRATEGY;
    private static final String DTI = CatalogFiles.DTI;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private CoordinatorRequests requests() {
        return new CoordinatorRequests(http, json);
    }

    private ResponseEntity<String> upload(String path, String fileName, byte[] content) {
        return requests().upload(path, fileName, content);
    }

    private ResponseEntity<String> post(String path, String body) {
        return requests().post(path, body);
    }

    private JsonNode ok(ResponseEntity<String> response) throws Exception {
        return requests().ok(response);
    }

    private CatalogFiles files() {
        return new CatalogFiles(json);
    }

    /** What each import of the real plans answered, in {@link #importTheRealPlans()}. */
    private JsonNode agencies;
    private JsonNode strategy;
    private JsonNode dti;
    private JsonNode tasks;
    private JsonNode dtiTasks;

    @BeforeAll
    void importTheRealPlans() throws Exception {
        agencies = ok(upload("/api/imports/agencies", "co-quan.xlsx", Spreadsheets.xlsx(Spreadsheets.rows(files().agencies()))));
        for (var plan : files().plans()) {
            assertThat(post("/api/plans", json.writeValueAsString(plan)).getStatusCode().value()).isEqualTo(201);
        }
        strategy = ok(upload("/api/imports/indicators?planId=" + STRATEGY, "1305-phu-luc-I.xlsx", originalStrategyIndicators()));
        dti = ok(upload("/api/imports/indicators?planId=" + DTI, "dti-phu-luc-I.xlsx",
                Spreadsheets.xlsx(Spreadsheets.rows(files().indicators(DTI)))));
        tasks = ok(upload("/api/imports/tasks?planId=" + STRATEGY, "1305-phu-luc-II.xlsx",
                Spreadsheets.xlsx(Spreadsheets.rows(files().tasks(STRATEGY)))));
        dtiTasks = ok(upload("/api/imports/tasks?planId=" + DTI, "dti-phu-luc-II.xlsx",
                Spreadsheets.xlsx(Spreadsheets.rows(files().tasks(DTI)))));
    }

    @Test
    void theAgencyListAndThePlansTablesComeIn() throws Exception {
        assertThat(agencies.get("created").asInt()).isEqualTo(27);
        assertThat(strategy.get("created").asInt()).isEqualTo(41);
        assertThat(dti.get("created").asInt()).isEqualTo(50);
        // "Mỗi cơ quan, đơn vị, địa phương có ít nhất 1-5 cán bộ …" is kept as text and flagged, not dropped
        assertThat(dti.get("flags").findValuesAsText("message")).anyMatch(m -> m.startsWith("kept as text") && m.contains("1-5 cán bộ"));
        assertThat(tasks.get("created").asInt()).isEqualTo(137);
        // heading rows are groups, not records: "A | Phát triển hạ tầng" above "1 | Tỷ lệ phủ sóng 5G…" makes A.1
        assertThat(payload(STRATEGY + ".A.1", "IndicatorDefined").get("groupPath").toString()).isEqualTo("[\"A. Phát triển hạ tầng\"]");
        assertThat(payload(STRATEGY + ".C.41", "IndicatorDefined").get("groupPath").toString()).isEqualTo("[\"C. Phát triển chuyển đổi số\"]");
        assertThat(payload(STRATEGY + ".NV-1", "TaskAssigned").get("groupPath").toString())
                .isEqualTo("[\"I. NHÓM NHIỆM VỤ THƯỜNG XUYÊN (36 nhiệm vụ)\"]");
        assertThat(tasks.get("flags").findValuesAsText("message")).anyMatch(m -> m.startsWith("no STT"));
        assertThat(dtiTasks.get("created").asInt()).isEqualTo(51);
    }

    @Test
    void targetsAndDeadlinesAreReadAsTheDocumentsWriteThem() throws Exception {
        assertThat(payload(STRATEGY + ".A.1", "IndicatorDefined").at("/targets/0/asWritten").asText()).isEqualTo("≥ 60%");
        assertThat(payload(STRATEGY + ".A.1", "IndicatorDefined").at("/targets/1/value/value").asDouble()).isEqualTo(100.0);
        // one target, year not given: taken for 2030
        assertThat(payload(STRATEGY + ".C.17", "IndicatorDefined").at("/targets/0/period").asText()).isEqualTo("2030");
        assertThat(payload(STRATEGY + ".C.10", "IndicatorDefined").at("/measure/kind").asText()).isEqualTo("SCORE");
        assertThat(payload(DTI + ".6.2", "IndicatorDefined").at("/targets/0/value").toString()).isEqualTo("{\"kind\":\"LEVEL\",\"level\":\"B\"}");
        assertThat(payload(DTI + ".3.6", "IndicatorDefined").at("/targets/0/value/denominator").asInt()).isEqualTo(7);
        assertThat(payload(DTI + ".8.2", "IndicatorDefined").at("/targets/0/comparator").asText()).isEqualTo(">");
        assertThat(payload(DTI + ".1.1", "IndicatorDefined").at("/measure/kind").asText()).isEqualTo("PASS_FAIL");
        assertThat(payload(DTI + ".3.3", "IndicatorDefined").at("/baseline/value").asDouble()).isEqualTo(100.0);
        assertThat(payload(DTI + ".4.2", "IndicatorDefined").at("/measure/kind").asText()).isEqualTo("TEXT");
        assertThat(payload(DTI + ".6.1", "IndicatorDefined").at("/leadAgencyId").asText()).isEqualTo("so-khcn");
        assertThat(payload(STRATEGY + ".NV-1", "TaskAssigned").at("/deadline/recurrence").asText()).isEqualTo("ONGOING");
        assertThat(payload(STRATEGY + ".NV-1", "TaskAssigned").at("/leadAgencyId").asText()).isEqualTo("bao-ptth");
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.task.TaskAssigned' "
                + "and convert_from(payload, 'UTF8')::jsonb -> 'deadline' ->> 'asWritten' = 'Trước ngày 10/12/2025' "
                + "and convert_from(payload, 'UTF8')::jsonb -> 'deadline' ->> 'dueDate' = '2025-12-10'", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from event_store.domain_event_entry where payload_type = 'vn.tiendo.events.task.TaskAssigned' "
                + "and convert_from(payload, 'UTF8')::jsonb -> 'deadline' ->> 'asWritten' = 'Thời gian ban hành Đề án: 12/2025; Thời gian thực hiện Từ 2026 - 2030.' "
                + "and convert_from(payload, 'UTF8')::jsonb -> 'deadline' ->> 'dueDate' = '2030-12-31'", Long.class)).isPositive();
    }

    @Test
    void reimportingTheSameFileCreatesNoEvents() throws Exception {
        long before = events();
        JsonNode again = ok(upload("/api/imports/indicators?planId=" + STRATEGY, "1305-phu-luc-I.xlsx", originalStrategyIndicators()));
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(41);
        assertThat(events()).isEqualTo(before);
    }

    /** macOS and some web forms write Vietnamese decomposed (NFD): the same words, other code points. */
    @Test
    void theSameFileWrittenDecomposedIsUnchangedNotRevised() throws Exception {
        List<List<String>> written = Spreadsheets.rows(files().indicators(STRATEGY));
        List<List<String>> nfd = written.stream()
                .map(row -> row.stream().map(cell -> cell == null ? null : Normalizer.normalize(cell, Normalizer.Form.NFD)).toList())
                .collect(Collectors.toCollection(ArrayList::new));
        assertThat(nfd).as("the decomposed file differs in its code points").isNotEqualTo(written);
        byte[] decomposed = Spreadsheets.xlsx(nfd);
        long before = events();
        JsonNode again = ok(upload("/api/imports/indicators?planId=" + STRATEGY + "&dryRun=true", "1305-phu-luc-I-nfd.xlsx", decomposed));
        assertThat(again.get("revised").asInt()).as(again.toString()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(41);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aChangedRowCreatesTheRevisionEventsWithTheFileAsReason() throws Exception {
        byte[] changed = Spreadsheets.xlsx(files().indicators(STRATEGY), rows -> {
            rows.get(2).set(4, "≥ 95%");               // A.1 (under heading A), target 2030: 100% → ≥ 95%
            rows.get(3).set(5, "Sở Nội vụ");           // A.2: monitored and led by another department
            return rows;
        });
        long before = events();
        // the dry run asks each record what the row would change in it, and records nothing
        JsonNode preview = ok(upload("/api/imports/indicators?planId=" + STRATEGY + "&dryRun=true", "1305-phu-luc-I-sua-doi.xlsx", changed));
        assertThat(events()).isEqualTo(before);
        assertThat(preview.get("revised").asInt()).isEqualTo(2);
        assertThat(preview.get("unchanged").asInt()).isEqualTo(39);
        assertThat(preview.get("changes")).hasSize(2);
        JsonNode a1 = preview.get("changes").get(0);
        assertThat(a1.get("recordId").asText()).isEqualTo(STRATEGY + ".A.1");
        assertThat(a1.get("action").asText()).isEqualTo("REVISE");
        assertThat(a1.get("row").asInt()).isEqualTo(5);
        assertThat(a1.at("/changes/0/before/asWritten").asText()).isEqualTo("100%");
        assertThat(a1.at("/changes/0/after/asWritten").asText()).isEqualTo("≥ 95%");
        JsonNode a2 = preview.get("changes").get(1);
        assertThat(a2.at("/changes/0/before").asText()).isEqualTo("so-khcn");
        assertThat(a2.at("/changes/0/after").asText()).isEqualTo("so-noi-vu");

        JsonNode result = ok(upload("/api/imports/indicators?planId=" + STRATEGY, "1305-phu-luc-I-sua-doi.xlsx", changed));
        assertThat(result.get("revised").asInt()).isEqualTo(2);
        assertThat(events()).isEqualTo(before + 2);
        JsonNode revised = payload(STRATEGY + ".A.1", "IndicatorTargetRevised");
        assertThat(revised.at("/oldTarget/asWritten").asText()).isEqualTo("100%");
        assertThat(revised.at("/newTarget/asWritten").asText()).isEqualTo("≥ 95%");
        assertThat(revised.get("reason").asText()).isEqualTo("import of 1305-phu-luc-I-sua-doi.xlsx");
        assertThat(payload(STRATEGY + ".A.2", "IndicatorReassigned").get("toAgencyId").asText()).isEqualTo("so-noi-vu");
        JsonNode meta = json.readTree(jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%IndicatorTargetRevised'", String.class, STRATEGY + ".A.1"));
        assertThat(meta.get("importRow").asInt()).isEqualTo(5); // title row, blank row, header, heading A, then A.1
        assertThat(meta.get("importSha256").asText()).matches("[0-9a-f]{64}");
        // the original file puts both rows back, again as revisions: the other tests see the plan as written
        assertThat(ok(upload("/api/imports/indicators?planId=" + STRATEGY, "1305-phu-luc-I.xlsx", originalStrategyIndicators()))
                .get("revised").asInt()).isEqualTo(2);
    }

    private byte[] originalStrategyIndicators() throws Exception {
        return Spreadsheets.xlsx(Spreadsheets.rows(files().indicators(STRATEGY)));
    }

    /**
     * The city plan (003, Từ Sơn) lays its indicator tables out differently: the targets under "Kết quả", their year in
     * the table's title ("… NĂM 2025") or the name column's header ("Chỉ tiêu năm 2025"), or in a section row
     * ("I | Đến năm 2030") above the rows. Rows copied from its appendices 1 and 2, as the document writes them.
     */
    /** The city plan (003, Từ Sơn): the city, three of its divisions and its plan, registered once for the tests that use them. */
    private void registerTheCityPlan() throws Exception {
        ok(upload("/api/imports/agencies", "tu-son.csv", """
                Mã,Tên,Loại,Cơ quan cấp trên
                ubnd-tp-tu-son,UBND thành phố Từ Sơn,COMMUNE_WARD,ubnd-tinh
                vp-hdnd-ubnd-tu-son,Văn phòng HĐND-UBND thành phố,DIVISION,ubnd-tp-tu-son
                cn-tthcc-tu-son,Chi nhánh Trung tâm Hành chính công,DIVISION,ubnd-tp-tu-son
                phong-vhkhtt-tu-son,"Phòng Văn hóa, Khoa học và Thông tin",DIVISION,ubnd-tp-tu-son
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(post("/api/plans", """
                {"planId":"KH-TU-SON-NQ57","documentNumber":"KH-UBND (tháng 02/2025)","issuer":"UBND thành phố Từ Sơn",
                 "title":"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
                 "periodStart":"2025-01-01","periodEnd":"2030-12-31"}""").getStatusCode().value()).isIn(201, 409);
    }

    @Test
    void theCityPlansTablesWithAResultColumnAndSectionRowsComeIn() throws Exception {
        registerTheCityPlan();
        byte[] appendix1 = Spreadsheets.xlsx(List.of(
                List.of("Phụ lục 1"),
                List.of("DANH MỤC CÁC CHỈ TIÊU CỤ THỂ VỀ CHUYỂN ĐỔI SỐ NĂM 2025"),
                List.of("(Ban hành kèm theo Kế hoạch số        /KH-UBND  ngày        tháng 02 năm 2025 của UBND thành phố)"),
                List.of("TT", "Chỉ tiêu năm 2025 ", "Đơn vị tính", "Kết quả", "Cơ quan chủ trì theo, dõi đánh giá", "Cơ quan phối hợp"),
                List.of("1", "Chính quyền số", "", "", "", ""),
                List.of("1.1", "Tỉ lệ hồ sơ trực tuyến toàn trình của cả thành phố: 80%, trong đó khối cơ quan thành phố đạt tối thiểu 85%, "
                        + "khối địa phương đạt tối thiểu 70%.", "%", "Cả thành phố đạt 80%\nKhối cơ quan thành phố đạt 85%\nKhối địa phương đạt 70%",
                        "Chi nhánh Trung tâm Hành chính công", "Các Phòng,  ngành, địa phương"),
                List.of("1.2", "Tỉ lệ nhiệm vụ được theo dõi, quản lý, giám sát của các cơ quan hành chính thực hiện trên môi trường điện tử: 70%.",
                        "%", ">= 80%", "Văn phòng HĐND-UBND thành phố", "Các Phòng,  ngành, địa phương")));
        JsonNode first = ok(upload("/api/imports/indicators?planId=KH-TU-SON-NQ57", "tu-son-phu-luc-1.xlsx", appendix1));
        assertThat(first.get("created").asInt()).as(first.toString()).isEqualTo(2);
        JsonNode share = payload("KH-TU-SON-NQ57.1.1", "IndicatorDefined");
        assertThat(share.at("/targets/0/period").asText()).isEqualTo("2025");
        assertThat(share.at("/targets/0/asWritten").asText()).startsWith("Cả thành phố đạt 80%");
        assertThat(share.at("/groupPath/0").asText()).isEqualTo("1. Chính quyền số");
        assertThat(share.at("/leadAgencyId").asText()).isEqualTo("cn-tthcc-tu-son");
        JsonNode tasksOnline = payload("KH-TU-SON-NQ57.1.2", "IndicatorDefined");
        assertThat(tasksOnline.at("/targets/0/period").asText()).isEqualTo("2025");
        assertThat(tasksOnline.at("/targets/0/comparator").asText()).isEqualTo(">=");
        assertThat(tasksOnline.at("/targets/0/value/value").decimalValue()).isEqualByComparingTo("80");

        byte[] appendix2 = Spreadsheets.xlsx(List.of(
                List.of("Phụ lục 2"),
                List.of("DANH MỤC CÁC CHỈ TIÊU CỤ THỂ GIAI ĐOẠN ĐẾN NĂM 2030 "),
                List.of("(Ban hành kèm theo Kế hoạch số        /KH-UBND  ngày        tháng 02 năm 2025 của UBND thành phố Từ Sơn)"),
                List.of("TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì                                 theo dõi, đánh giá"),
                List.of("I", "Đến năm 2030", "", "", ""),
                List.of("1", "Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo ", "Thứ bậc",
                        "Đạt mức tiên tiến ở nhiều lĩnh vực quan trọng, thuộc tốp đầu trong tỉnh ", "Phòng Văn hóa, Khoa học và  Thông tin"),
                List.of("2", "Trình độ, năng lực công nghệ, đổi mới sáng tạo của doanh nghiệp ", "Thứ bậc", "Đạt mức khá tốp đầu trong tỉnh",
                        "Phòng Văn hóa, Khoa học và  Thông tin"),
                List.of("3", "Xếp hạng chỉ số Chuyển đổi số", "Thứ bậc", "Đạt mức tốp đầu khối huyện, thị, thành trong tỉnh",
                        "Phòng Văn hóa, Khoa học và  Thông tin")));
        JsonNode second = ok(upload("/api/imports/indicators?planId=KH-TU-SON-NQ57", "tu-son-phu-luc-2.xlsx", appendix2));
        assertThat(second.get("created").asInt()).as(second.toString()).isEqualTo(3);
        JsonNode ranking = payload("KH-TU-SON-NQ57.3", "IndicatorDefined");
        assertThat(ranking.at("/targets/0/period").asText()).as("the section row's year, not the plan's date in the title").isEqualTo("2030");
        assertThat(ranking.at("/targets/0/asWritten").asText()).isEqualTo("Đạt mức tốp đầu khối huyện, thị, thành trong tỉnh");
        // "Đạt …" without a figure reads as achieved or not, judged by people; the words are kept
        assertThat(ranking.at("/measure/kind").asText()).isEqualTo("PASS_FAIL");
        assertThat(ranking.at("/groupPath/0").asText()).isEqualTo("I. Đến năm 2030");
        assertThat(ranking.at("/leadAgencyId").asText()).isEqualTo("phong-vhkhtt-tu-son");

        // a name written shorter than the registered one is not taken, but the answer says which agency it may mean
        ResponseEntity<String> shortName = upload("/api/imports/indicators?planId=KH-TU-SON-NQ57&dryRun=true", "ten-ngan.xlsx",
                Spreadsheets.xlsx(List.of(
                        List.of("TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"),
                        List.of("I", "Đến năm 2030", "", "", ""),
                        List.of("3", "Xếp hạng chỉ số Chuyển đổi số", "Thứ bậc", "Đạt mức tốp đầu khối huyện, thị, thành trong tỉnh",
                                "Văn phòng HĐND-UBND"))));
        assertThat(shortName.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(shortName.getBody()).get("errors").findValuesAsText("message"))
                .anyMatch(m -> m.contains("the closest registered: Văn phòng HĐND-UBND thành phố (vp-hdnd-ubnd-tu-son)"));

        // nothing says which year "Kết quả" is for: refused, naming the column and where the year may be given
        long before = events();
        ResponseEntity<String> undated = upload("/api/imports/indicators?planId=KH-TU-SON-NQ57", "khong-nam.xlsx", Spreadsheets.xlsx(List.of(
                List.of("TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"),
                List.of("5", "Xếp hạng chỉ số Chuyển đổi số", "Thứ bậc", "Đạt mức tốp đầu", "Phòng Văn hóa, Khoa học và Thông tin"))));
        assertThat(undated.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(undated.getBody()).get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("no year for the target"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aNameTheDryRunProposesIsConfirmedOnceAsAnAliasAndTheFileThenImports() throws Exception {
        registerTheCityPlan();
        // appendix 1's row 1.2 as the plan writes its lead: the division's name without "thành phố"
        byte[] written = Spreadsheets.xlsx(List.of(
                List.of("TT", "Chỉ tiêu năm 2025", "Đơn vị tính", "Kết quả", "Cơ quan chủ trì theo, dõi đánh giá"),
                List.of("1", "Chính quyền số", "", "", ""),
                List.of("1.3", "Tỉ lệ văn bản, hồ sơ công việc được xử lý trên môi trường điện tử", "%", ">= 90%", "Văn phòng HĐND-UBND"),
                List.of("1.4", "Tỉ lệ báo cáo được gửi, nhận qua Hệ thống thông tin báo cáo", "%", ">= 90%", "Văn phòng HĐND-UBND")));
        long before = events();
        ResponseEntity<String> dryRun = upload("/api/imports/indicators?planId=KH-TU-SON-NQ57&dryRun=true", "tu-son-vp.xlsx", written);
        assertThat(dryRun.getStatusCode().value()).isEqualTo(400);
        JsonNode unknown = json.readTree(dryRun.getBody()).get("unknownNames");
        assertThat(unknown).as("one entry per name, however many rows write it").hasSize(1);
        assertThat(unknown.at("/0/name").asText()).isEqualTo("Văn phòng HĐND-UBND");
        assertThat(unknown.at("/0/rows").toString()).as("the rows as the file numbers them").isEqualTo("[5,6]");
        assertThat(unknown.at("/0/proposals/0/agencyId").asText()).isEqualTo("vp-hdnd-ubnd-tu-son");
        assertThat(unknown.at("/0/proposals/0/name").asText()).isEqualTo("Văn phòng HĐND-UBND thành phố");
        assertThat(events()).isEqualTo(before);

        // the coordinator confirms the proposal: one event, with the reason given
        ResponseEntity<String> confirmed = post("/api/agencies/vp-hdnd-ubnd-tu-son/aliases", """
                {"alias":"Văn phòng HĐND-UBND","reason":"Tên viết tắt trong Phụ lục 1 của kế hoạch thành phố"}""");
        assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1);
        assertThat(payload("vp-hdnd-ubnd-tu-son", "AgencyAliasRecorded").get("alias").asText()).isEqualTo("Văn phòng HĐND-UBND");
        assertThat(jdbc.queryForObject("select meta_data from event_store.domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%AgencyAliasRecorded'", byte[].class, "vp-hdnd-ubnd-tu-son"))
                .asString(StandardCharsets.UTF_8).contains("Tên viết tắt trong Phụ lục 1");
        // the same name again (written differently) changes nothing; for another agency it is refused
        assertThat(post("/api/agencies/vp-hdnd-ubnd-tu-son/aliases", """
                {"alias":"  văn phòng hđnd-ubnd "}""").getStatusCode().value()).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1);
        ResponseEntity<String> taken = post("/api/agencies/cn-tthcc-tu-son/aliases", """
                {"alias":"Văn phòng HĐND-UBND"}""");
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(taken.getBody()).get("detail").asText()).contains("already means vp-hdnd-ubnd-tu-son");
        assertThat(post("/api/agencies/cn-tthcc-tu-son/aliases", """
                {"alias":"Văn phòng HĐND-UBND thành phố"}""").getStatusCode().value()).as("another agency's own name").isEqualTo(409);
        assertThat(post("/api/agencies/khong-co/aliases", """
                {"alias":"Phòng không có"}""").getStatusCode().value()).isEqualTo(404);
        // a control character or a name past the limit is refused, naming the field
        ResponseEntity<String> control = post("/api/agencies/vp-hdnd-ubnd-tu-son/aliases", """
                {"alias":"Văn phòng\\u0000HĐND"}""");
        assertThat(control.getStatusCode().value()).isEqualTo(400);
        assertThat(control.getBody()).contains("alias");
        assertThat(post("/api/agencies/vp-hdnd-ubnd-tu-son/aliases", "{\"alias\":\"" + "x".repeat(TextRules.MAX_NAME + 1) + "\"}")
                .getStatusCode().value()).isEqualTo(400);
        assertThat(events()).isEqualTo(before + 1);

        // from then on the name is the agency's: the same file imports
        JsonNode imported = ok(upload("/api/imports/indicators?planId=KH-TU-SON-NQ57", "tu-son-vp.xlsx", written));
        assertThat(imported.get("created").asInt()).as(imported.toString()).isEqualTo(2);
        assertThat(payload("KH-TU-SON-NQ57.1.3", "IndicatorDefined").at("/leadAgencyId").asText()).isEqualTo("vp-hdnd-ubnd-tu-son");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryProblemNamed() throws Exception {
        byte[] bad = Spreadsheets.xlsx(files().tasks(STRATEGY), rows -> {
            rows.get(3).set(1, "");                       // no content
            rows.get(5).set(2, "Sở Không Tồn Tại");       // unknown agency
            rows.get(7).set(0, "7/8");                    // not a number or code (the same STT twice is another task, flagged)
            rows.get(1).set(1, "Nhiệm vụ mới hợp lệ");    // a valid change that must not be applied either
            return rows;
        });
        long before = events();
        ResponseEntity<String> response = upload("/api/imports/tasks?planId=" + STRATEGY, "bad.xlsx", bad);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode errors = json.readTree(response.getBody()).get("errors");
        assertThat(errors.findValuesAsText("field")).contains("row 6: Nội dung", "row 8: Chủ trì", "row 10: STT");
        assertThat(errors.findValuesAsText("message")).anyMatch(m -> m.contains("Sở Không Tồn Tại"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void wrongFilesAndMissingColumnsGetClearErrors() throws Exception {
        ResponseEntity<String> noColumns = upload("/api/imports/indicators?planId=" + STRATEGY, "x.csv",
                "Tên,Ghi chú\nA,B\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumns.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noColumns.getBody()).get("errors").findValuesAsText("field")).contains("Chỉ tiêu", "Mục tiêu");
        ResponseEntity<String> noPlan = upload("/api/imports/indicators?planId=no-plan", "x.csv", files().indicators(STRATEGY));
        assertThat(json.readTree(noPlan.getBody()).get("errors").findValuesAsText("field")).contains("planId");
        ResponseEntity<String> pdf = upload("/api/imports/tasks?planId=" + STRATEGY, "ke-hoach.pdf", "%PDF-1.7".getBytes());
        assertThat(pdf.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> tooLarge = upload("/api/imports/tasks?planId=" + STRATEGY, "big.csv", new byte[6 * 1024 * 1024]);
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void templatesCanBeFilledInAndImported() throws Exception {
        ResponseEntity<byte[]> template = http.withBasicAuth("can-bo.so-khcn", "test-only-password")
                .getForEntity("/api/imports/templates/indicators.xlsx", byte[].class);
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        Sheet sheet = SheetReader.read("mau.xlsx", template.getBody());
        assertThat(sheet.headers()).contains("Chỉ tiêu", "Mục tiêu 2025", "Cơ quan chủ trì");
        assertThat(sheet.rows()).hasSize(1);
        ResponseEntity<String> csv = http.withBasicAuth("kiem-toan", "test-only-password").getForEntity("/api/imports/templates/tasks.csv", String.class);
        assertThat(csv.getBody()).startsWith("STT,Nội dung,Chủ trì,Phối hợp,Thời gian hoàn thành,Sản phẩm");
        // the template's example row is a real indicator; imported into the plan it already exists and is unchanged
        JsonNode dry = ok(upload("/api/imports/indicators?planId=" + STRATEGY + "&dryRun=true", "mau.xlsx", template.getBody()));
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        // the preview says what the rows come to: the template's row is A.1, already imported and the same
        assertThat(dry.get("created").asInt()).isZero();
        assertThat(dry.get("revised").asInt() + dry.get("unchanged").asInt()).isEqualTo(1);
    }

    private JsonNode payload(String aggregateId, String eventType) throws Exception {
        return json.readTree(jdbc.queryForObject("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like ? order by sequence_number desc limit 1", String.class,
                aggregateId, "%." + eventType));
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from event_store.domain_event_entry", Long.class);
    }
}
