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

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collective assignees as the city plan (003, Từ Sơn) writes them: "UBND các phường" leads its appendix 1 row 3.1
 * ("Mỗi người dân có 01 định danh số", 100%) and its project list's row 10 (camera systems on the main streets).
 * Once the group is defined, each ward gets its own share: an indicator held to the row's target and linked to the
 * city's, a task of its own.
 */
@CommandSideTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/tiendo_test_collective")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectiveAssigneesTest {

    private static final String PLAN = "KH-TU-SON-NQ57";
    private static final String GROUP = "tu-son.cac-phuong";
    private static final List<String> WARDS = List.of("phuong-dong-ngan", "phuong-dinh-bang", "phuong-tan-hong");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private CoordinatorRequests requests() {
        return new CoordinatorRequests(http, json);
    }

    /** Row 3.1 of appendix 1 as the document writes it, under its group heading. */
    private static byte[] appendix1() throws Exception {
        return Spreadsheets.xlsx(List.of(
                List.of("Phụ lục 1"),
                List.of("DANH MỤC CÁC CHỈ TIÊU CỤ THỂ VỀ CHUYỂN ĐỔI SỐ NĂM 2025"),
                List.of("TT", "Chỉ tiêu năm 2025", "Đơn vị tính", "Kết quả", "Cơ quan chủ trì theo, dõi đánh giá", "Cơ quan phối hợp"),
                List.of("3", "Xã hội số", "", "", "", ""),
                List.of("3.1", "Mỗi người dân có 01 định danh số", "%", "100% người dân có định danh số", "UBND các phường",
                        "Các Phòng,  ngành, địa phương")));
    }

    /**
     * Rows 6 and 10 of the city's list of projects and tasks. The text of the document runs each corrected number into
     * the old one ("77", "78", "89", "910" after "06"): the rows are numbered 7 to 10.
     */
    private static byte[] projects() throws Exception {
        return Spreadsheets.xlsx(List.of(
                List.of("STT", "Tên dự án, nhiệm vụ", "Chủ trì", "Dự toán kinh phí thực hiện", "Thời gian hoàn thành"),
                List.of("06", "Phủ sóng wifi công cộng toàn thành phố", "Phòng Văn hóa, Khoa học và Thông tin", "4.200.000.000 đồng", "Tháng 5/2025"),
                List.of("10", "Các tuyến phố chính trên địa bàn thành phố được lắp đặt hệ thống camera giám sát an ninh, giao thông, môi trường…",
                        "UBND các phường", "12.000.000.000 đồng", "Từ năm 2025- 2026")));
    }

    @BeforeAll
    void theCityItsDivisionsAndThreeWards() throws Exception {
        CatalogFiles files = new CatalogFiles(json);
        requests().ok(requests().upload("/api/imports/agencies", "co-quan.xlsx", Spreadsheets.xlsx(Spreadsheets.rows(files.agencies()))));
        requests().ok(requests().upload("/api/imports/agencies", "tu-son.csv", """
                Mã,Tên,Loại,Cơ quan cấp trên
                ubnd-tp-tu-son,UBND thành phố Từ Sơn,DISTRICT,ubnd-tinh
                phong-vhkhtt-tu-son,"Phòng Văn hóa, Khoa học và Thông tin",DIVISION,ubnd-tp-tu-son
                phuong-dong-ngan,UBND phường Đông Ngàn,COMMUNE_WARD,ubnd-tp-tu-son
                phuong-dinh-bang,UBND phường Đình Bảng,COMMUNE_WARD,ubnd-tp-tu-son
                phuong-tan-hong,UBND phường Tân Hồng,COMMUNE_WARD,ubnd-tp-tu-son
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(requests().post("/api/plans", """
                {"planId":"KH-TU-SON-NQ57","documentNumber":"KH-UBND (tháng 02/2025)","issuer":"UBND thành phố Từ Sơn",
                 "title":"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
                 "periodStart":"2025-01-01","periodEnd":"2030-12-31"}""").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aRowAssignedToTheWardsGivesEachWardItsOwnShareOnceTheGroupIsDefined() throws Exception {
        // before the group exists the phrase names nobody: refused, nothing stored
        long before = events();
        ResponseEntity<String> unknown = requests().upload("/api/imports/indicators?planId=" + PLAN + "&dryRun=true", "phu-luc-1.xlsx", appendix1());
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(unknown.getBody()).at("/unknownNames/0/name").asText()).isEqualTo("UBND các phường");

        ResponseEntity<String> defined = requests().post("/api/agency-groups", """
                {"groupId":"tu-son.cac-phuong","name":"UBND các phường","otherNames":["UBND các phường thuộc thành phố"],
                 "ownerAgencyId":"ubnd-tp-tu-son","memberAgencyIds":["phuong-dong-ngan","phuong-dinh-bang","phuong-tan-hong"],
                 "reason":"Kế hoạch 003 giao chỉ tiêu 3.1 và dự án 10 cho UBND các phường"}""");
        assertThat(defined.getStatusCode().value()).as(defined.getBody()).isEqualTo(201);
        assertThat(payload(GROUP, "AgencyGroupDefined").at("/memberAgencyIds").toString())
                .isEqualTo("[\"phuong-dong-ngan\",\"phuong-dinh-bang\",\"phuong-tan-hong\"]");
        assertThat(events()).isEqualTo(before + 1);

        JsonNode imported = requests().ok(requests().upload("/api/imports/indicators?planId=" + PLAN, "phu-luc-1.xlsx", appendix1()));
        assertThat(imported.get("created").asInt()).as(imported.toString()).isEqualTo(4);
        JsonNode whole = payload(PLAN + ".3.1", "IndicatorDefined");
        assertThat(whole.at("/leadAgencyId").asText()).as("the city answers for the whole row").isEqualTo("ubnd-tp-tu-son");
        assertThat(whole.at("/groupPath/0").asText()).isEqualTo("3. Xã hội số");
        JsonNode rule = payload(PLAN + ".3.1", "RollUpRuleDeclared");
        assertThat(rule.at("/rule").asText()).as("reached when every ward reaches it").isEqualTo("MINIMUM");
        assertThat(rule.at("/reason").asText()).contains("UBND các phường");
        for (String ward : WARDS) {
            JsonNode share = payload(PLAN + ".3.1:" + ward, "IndicatorDefined");
            assertThat(share.at("/leadAgencyId").asText()).isEqualTo(ward);
            assertThat(share.at("/code").asText()).isEqualTo("3.1:" + ward);
            assertThat(share.at("/targets").toString()).as("held to the row's target").isEqualTo(whole.at("/targets").toString());
            assertThat(share.at("/monitoringAgencyId").asText()).isEqualTo("ubnd-tp-tu-son");
            assertThat(payload(PLAN + ".3.1:" + ward, "IndicatorLinked").at("/implementsIndicatorId").asText()).isEqualTo(PLAN + ".3.1");
        }
        assertThat(jdbc.queryForList("select indicator_id from command_side.indicator_link where implements_id = ? order by indicator_id",
                String.class, PLAN + ".3.1")).hasSize(3);
        // the same file again: nothing new
        long afterImport = events();
        JsonNode again = requests().ok(requests().upload("/api/imports/indicators?planId=" + PLAN, "phu-luc-1.xlsx", appendix1()));
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);
        assertThat(events()).isEqualTo(afterImport);

        // a task row: each ward its own task, naming the group; a row of one agency stays one task
        JsonNode tasks = requests().ok(requests().upload("/api/imports/tasks?planId=" + PLAN, "du-an.xlsx", projects()));
        assertThat(tasks.get("created").asInt()).as(tasks.toString()).isEqualTo(4);
        for (String ward : WARDS) {
            JsonNode share = payload(PLAN + ".NV-10:" + ward, "TaskAssigned");
            assertThat(share.at("/leadAgencyId").asText()).isEqualTo(ward);
            assertThat(share.at("/collectiveGroupId").asText()).isEqualTo(GROUP);
            assertThat(share.at("/deadline/asWritten").asText()).isEqualTo("Từ năm 2025- 2026");
        }
        JsonNode wifi = payload(PLAN + ".NV-06", "TaskAssigned");
        assertThat(wifi.at("/leadAgencyId").asText()).isEqualTo("phong-vhkhtt-tu-son");
        assertThat(wifi.path("collectiveGroupId").isTextual()).as("a task of its own").isFalse();

        // the group's members change from a date; the same members again change nothing
        ResponseEntity<String> changed = requests().post("/api/agency-groups/" + GROUP + "/members", """
                {"memberAgencyIds":["phuong-dong-ngan","phuong-dinh-bang"],"effectiveDate":"2025-07-01",
                 "reason":"Phường Tân Hồng sáp nhập (dữ liệu mẫu)"}""");
        assertThat(changed.getStatusCode().value()).as(changed.getBody()).isEqualTo(200);
        assertThat(payload(GROUP, "AgencyGroupChanged").at("/fromMemberAgencyIds").size()).isEqualTo(3);
        long afterChange = events();
        assertThat(requests().post("/api/agency-groups/" + GROUP + "/members", """
                {"memberAgencyIds":["phuong-dong-ngan","phuong-dinh-bang"],"effectiveDate":"2025-07-01","reason":"lặp lại"}""")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(events()).isEqualTo(afterChange);
    }

    @Test
    void aGroupIsRefusedWhenItsNameMeansSomethingElseOrItsMembersAreWrong() throws Exception {
        requests().post("/api/agency-groups", """
                {"groupId":"tu-son.cac-phuong","name":"UBND các phường","ownerAgencyId":"ubnd-tp-tu-son",
                 "memberAgencyIds":["phuong-dong-ngan","phuong-dinh-bang","phuong-tan-hong"]}""");
        long before = events();
        assertConflict(requests().post("/api/agency-groups", """
                {"groupId":"tu-son.phuong-khac","name":"UBND  các Phường","ownerAgencyId":"ubnd-tp-tu-son",
                 "memberAgencyIds":["phuong-dong-ngan","phuong-dinh-bang"]}"""), "already means the group tu-son.cac-phuong");
        assertConflict(requests().post("/api/agency-groups", """
                {"groupId":"tu-son.thanh-pho","name":"UBND thành phố Từ Sơn","ownerAgencyId":"ubnd-tinh",
                 "memberAgencyIds":["phuong-dong-ngan","phuong-dinh-bang"]}"""), "already means the agency ubnd-tp-tu-son");
        assertConflict(requests().post("/api/agencies/ubnd-tp-tu-son/aliases", """
                {"alias":"UBND các phường"}"""), "already means the group tu-son.cac-phuong");
        assertProblem(requests().post("/api/agency-groups", """
                {"groupId":"g1","name":"Các phường của thành phố","ownerAgencyId":"ubnd-tp-tu-son","memberAgencyIds":["phuong-dong-ngan","phuong-khong-co"]}"""),
                "memberAgencyIds[1]");
        assertProblem(requests().post("/api/agency-groups", """
                {"groupId":"g2","name":"Các phường của thành phố","ownerAgencyId":"ubnd-tp-tu-son","memberAgencyIds":["phuong-dong-ngan"]}"""),
                "memberAgencyIds");
        assertProblem(requests().post("/api/agency-groups", """
                {"groupId":"g3","name":"Các phường của thành phố","ownerAgencyId":"ubnd-tp-tu-son","memberAgencyIds":["ubnd-tp-tu-son","phuong-dong-ngan"]}"""),
                "memberAgencyIds");
        assertProblem(requests().post("/api/agency-groups", """
                {"groupId":"g4","name":"Các phường\\u0000","ownerAgencyId":"ubnd-tp-tu-son","memberAgencyIds":["phuong-dinh-bang","phuong-dong-ngan"]}"""),
                "name");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aMergerPassesOnTheIndicatorsTheMergedAgencyMonitors() throws Exception {
        // a row the city's science division monitors, led by a ward
        JsonNode imported = requests().ok(requests().upload("/api/imports/indicators?planId=" + PLAN, "theo-doi.xlsx", Spreadsheets.xlsx(List.of(
                List.of("TT", "Chỉ tiêu", "Đơn vị", "Mục tiêu 2025", "Cơ quan chủ trì", "Cơ quan theo dõi"),
                List.of("4.1", "Tỷ lệ hồ sơ trực tuyến toàn trình của phường", "%", "≥ 70%", "UBND phường Đông Ngàn",
                        "Phòng Văn hóa, Khoa học và Thông tin")))));
        assertThat(imported.get("created").asInt()).isEqualTo(1);
        String indicator = PLAN + ".4.1";
        assertThat(requests().post("/api/indicators/" + indicator + "/monitoring", """
                {"toAgencyId":"phong-vhkhtt-tu-son","reason":"giữ nguyên","effectiveDate":"2025-06-01"}""").getStatusCode().value())
                .as("already monitored by it").isEqualTo(400);
        ResponseEntity<String> merged = requests().post("/api/agencies/phong-vhkhtt-tu-son/merger", """
                {"intoAgencyId":"so-khcn","effectiveDate":"2025-07-01","decisionReference":"Nghị quyết sắp xếp (dữ liệu mẫu)"}""");
        assertThat(merged.getStatusCode().value()).as(merged.getBody()).isEqualTo(200);
        JsonNode passed = payload(indicator, "IndicatorMonitoringReassigned");
        assertThat(passed.at("/fromAgencyId").asText()).isEqualTo("phong-vhkhtt-tu-son");
        assertThat(passed.at("/toAgencyId").asText()).isEqualTo("so-khcn");
        assertThat(passed.at("/effectiveDate").asText()).isEqualTo("2025-07-01");
        assertThat(payload(indicator, "IndicatorDefined").at("/leadAgencyId").asText()).as("the lead stays the ward").isEqualTo("phuong-dong-ngan");
        assertThat(jdbc.queryForObject("select monitoring_agency_id from command_side.indicator_code where indicator_id = ?", String.class, indicator))
                .isEqualTo("so-khcn");
        assertThat(requests().post("/api/indicators/" + indicator + "/monitoring", """
                {"toAgencyId":"phong-vhkhtt-tu-son","reason":"nhầm","effectiveDate":"2025-08-01"}""").getStatusCode().value())
                .as("to an agency that has ended").isEqualTo(409);
        assertThat(requests().post("/api/indicators/" + indicator + "/monitoring", """
                {"toAgencyId":"ubnd-tp-tu-son","reason":"Thành phố theo dõi chỉ tiêu của phường","effectiveDate":"2025-06-15"}""")
                .getStatusCode().value()).isEqualTo(200);
    }

    private void assertConflict(ResponseEntity<String> response, String detail) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(409);
        assertThat(json.readTree(response.getBody()).get("detail").asText()).contains(detail);
    }

    private void assertProblem(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"" + field);
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
