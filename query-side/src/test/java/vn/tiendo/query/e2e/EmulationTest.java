package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tiendo.command.emulation.CampaignCatalog;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tiendo.query.e2e.Fixtures.accepted;
import static vn.tiendo.query.e2e.Fixtures.created;

/**
 * The emulation council's work over HTTP, as the people involved do it, on the 2026 digital-transformation movement
 * launched from the catalog: Sở Nội vụ's head nominates Sở Nội vụ in round 1 with two claims on Decision 1305's
 * training indicators; a council member of Sở Nội vụ may not judge it; one of Sở KH&CN does, rejects the claim the
 * record contradicts (72% reported against ≥ 80%), verifies the other after more evidence, and the award is decided
 * on a frozen dossier. Then a cited report is corrected. The command side's event clock plays September to November
 * 2025; the query side's clock stands at 9 October 2025, 12:00 in Bắc Ninh.
 */
class EmulationTest {

    private static final String NOMINATION = "de-nghi.so-noi-vu.dot-1";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Http coordinator = new Http("dieu-phoi");
    private static final Http nominatingHead = new Http("lanh-dao.so-noi-vu");
    private static final Http otherHead = new Http("lanh-dao.so-khcn");
    private static final Http memberOfTheNominated = new Http("thi-dua");
    private static final Http member = new Http("hoi-dong.so-khcn");

    private static Platform platform;
    private static final Clock realClock = GenericEventMessage.clock;
    /** What the steps answered, checked by the tests. */
    private static Http.Response nominatedOutsideScope;
    private static Http.Response conflicted;
    private static Http.Response late;
    private static JsonNode dossierUnderReview;
    private static JsonNode frozen;
    private static byte[] frozenBytes;
    private static JsonNode rankingAtRoundDateThen;

    @BeforeAll
    static void theRoundIsPlayed() throws Exception {
        platform = Platform.start("tiendo_test_emulation", "2025-10-09T05:00:00Z");
        try {
            on("2025-09-05T02:00:00Z");
            platform.registerStrategyPlan(coordinator);
            created(coordinator.post(platform.commands + "/api/agencies", """
                    {"agencyId":"so-noi-vu","name":"Sở Nội vụ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""));
            created(coordinator.post(platform.commands + "/api/indicators", training("B.5",
                    "Tỷ lệ cán bộ, công chức cấp xã, phường được bồi dưỡng kỹ năng số căn bản.", 80, "≥ 80%")));
            created(coordinator.post(platform.commands + "/api/indicators", training("B.6",
                    "Tỷ lệ cán bộ, công chức cấp tỉnh được bồi dưỡng kỹ năng số căn bản", 100, "100%")));
            created(nominatingHead.post(platform.commands + "/api/indicators/QD-1305-2025.B.5/reports", """
                    {"reportId":"bc-b5-2025-08","period":"2025-08","value":{"kind":"PERCENT","value":72}}"""));
            created(nominatingHead.post(platform.commands + "/api/indicators/QD-1305-2025.B.6/reports", """
                    {"reportId":"bc-b6-2025-08","period":"2025-08","value":{"kind":"PERCENT","value":100}}"""));
            created(coordinator.post(platform.commands + "/api/emulation/campaigns",
                    JSON.writeValueAsString(new CampaignCatalog(JSON).digitalTransformation2026())));
            accepted(coordinator.post(platform.commands + "/api/emulation/campaigns/PT-CDS-2026/co-verifiers", """
                    {"agencyId":"so-noi-vu"}"""));

            on("2025-09-10T02:00:00Z");
            nominatedOutsideScope = otherHead.post(platform.commands + "/api/emulation/nominations", nomination("de-nghi.khac"));
            created(nominatingHead.post(platform.commands + "/api/emulation/nominations", nomination(NOMINATION)));

            on("2025-09-15T02:00:00Z");
            conflicted = memberOfTheNominated.post(commands("/review"), "{}");
            accepted(member.post(commands("/review"), "{}"));
            awaitStatus("UNDER_REVIEW");
            dossierUnderReview = member.get(queries("/dossier")).body();
            accepted(member.post(commands("/evidence-requests"), """
                    {"claimId":"c2","what":"Danh sách cán bộ, công chức cấp tỉnh đã hoàn thành bồi dưỡng"}"""));
            accepted(nominatingHead.post(commands("/evidence"), """
                    {"claimId":"c2","note":"Bổ sung danh sách","evidence":[{"documentNumber":"45/BC-SNV","issuedOn":"2025-09-16",
                     "issuer":"Sở Nội vụ","title":"Danh sách cán bộ, công chức cấp tỉnh đã được bồi dưỡng kỹ năng số căn bản",
                     "sha256":"%s"}]}""".formatted("c".repeat(64))));
            accepted(member.post(commands("/claims/c1/rejection"), """
                    {"reason":"Báo cáo tháng 8/2025 ghi nhận 72%, chưa đạt chỉ tiêu ≥ 80% năm 2025",
                     "contradictedBy":{"recordId":"QD-1305-2025.B.5","period":"2025-08"}}"""));
            accepted(member.post(commands("/claims/c2/verification"), """
                    {"reason":"Báo cáo tháng 8/2025 ghi nhận 100%, đã được phê duyệt; danh sách bổ sung khớp"}"""));
            accepted(member.post(commands("/verification"), """
                    {"reason":"Một thành tích được xác nhận theo số liệu đã báo cáo"}"""));
            accepted(member.post(commands("/award-proposal"), """
                    {"awardForm":"BANG_KHEN","reason":"Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen"}"""));

            on("2025-10-01T02:00:00Z");
            late = nominatingHead.post(platform.commands + "/api/emulation/nominations", nomination("de-nghi.muon"));

            on("2025-10-08T02:00:00Z");
            awaitStatus("AWARD_PROPOSED");
            Http.Response freeze = member.post(queries("/dossier/freeze"), "");
            assertThat(freeze.status()).as(String.valueOf(freeze.body())).isEqualTo(201);
            frozen = freeze.body();
            accepted(member.post(commands("/award-decision"), """
                    {"decisionNumber":"1234/QĐ-UBND","decidedOn":"2025-10-08","awardForm":"BANG_KHEN","dossierSha256":"%s"}"""
                    .formatted(frozen.path("sha256").asText())));
            awaitStatus("AWARD_DECIDED");
            frozenBytes = member.getBytes(queries("/dossier/frozen"));
            rankingAtRoundDateThen = member.get(platform.queries + "/api/emulation/campaigns/PT-CDS-2026/rounds/1/ranking?asOf=2025-10-10").body();

            // November: the cited August report of B.6 is corrected (a head's correction of an approved report waits
            // for a second person of the coordinating department)
            on("2025-11-05T02:00:00Z");
            Http.Response correction = nominatingHead.post(platform.commands + "/api/indicators/QD-1305-2025.B.6/reports/bc-b6-2025-08/corrections", """
                    {"newValue":{"kind":"PERCENT","value":95},"reason":"Rà soát lại: 5% cán bộ chưa hoàn thành bồi dưỡng"}""");
            assertThat(correction.status()).as(String.valueOf(correction.body())).isEqualTo(202);
            accepted(new Http("tham-dinh.so-khcn").post(platform.commands + "/api/indicators/QD-1305-2025.B.6/correction-proposals/"
                    + correction.body().path("proposalId").asText() + "/acceptance", "{\"expectedVersion\":" + correction.body().path("version") + "}"));
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                    coordinator.get(platform.queries + "/api/indicators/QD-1305-2025.B.6?period=2025-08").body().path("value").path("value").asInt() == 95);
        } finally {
            GenericEventMessage.clock = realClock;
        }
    }

    @AfterAll
    static void stop() {
        GenericEventMessage.clock = realClock;
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void headsNominateOnlyTheirOwnAgencyAndOnlyWhileTheRoundIsOpen() {
        assertThat(nominatedOutsideScope.status()).isEqualTo(403);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body().path("field").asText() + late.body().path("detail").asText()).contains("round").contains("closed on 2025-09-30");
        JsonNode nominations = member.get(platform.queries + "/api/emulation/nominations?campaignId=PT-CDS-2026&round=1").body();
        assertThat(nominations).hasSize(1);
        // another agency's head does not see Sở Nội vụ's nomination
        assertThat(otherHead.get(platform.queries + "/api/emulation/nominations").body()).isEmpty();
        assertThat(otherHead.get(queries("/dossier")).status()).isEqualTo(404);
    }

    @Test
    void aMemberOfTheNominatedAgencyCannotJudgeIt() {
        assertThat(conflicted.status()).isEqualTo(403);
        assertThat(conflicted.body().path("detail").asText()).contains("conflict of interest").contains("so-noi-vu");
    }

    @Test
    void theDossierPutsEachClaimBesideTheRecordAndTheRejectionNamesTheRecord() {
        JsonNode claims = dossierUnderReview.path("claims");
        JsonNode communes = claims.get(0).path("citations").get(0);
        assertThat(communes.path("citation").path("recordId").asText()).isEqualTo("QD-1305-2025.B.5");
        assertThat(communes.path("atMoment").path("value").asText()).isEqualTo("72");
        assertThat(communes.path("atMoment").path("target").asText()).isEqualTo("≥ 80%");
        assertThat(communes.path("atMoment").path("meetsTarget").asBoolean()).isFalse();
        assertThat(communes.path("atMoment").path("reportedBy").asText()).isEqualTo("lanh-dao.so-noi-vu");
        JsonNode province = claims.get(1).path("citations").get(0);
        assertThat(province.path("atMoment").path("meetsTarget").asBoolean()).isTrue();
        assertThat(province.path("atMoment").path("approved").asBoolean()).isTrue();

        JsonNode nomination = member.get(queries("")).body();
        assertThat(nomination.path("claimStatus").path("c1").asText()).isEqualTo("REJECTED");
        assertThat(nomination.path("claimStatus").path("c2").asText()).isEqualTo("VERIFIED");
        List<String> steps = new ArrayList<>();
        nomination.path("steps").forEach(s -> steps.add(s.path("step").asText() + " " + s.path("member").asText()));
        assertThat(steps).containsExactly("SUBMITTED lanh-dao.so-noi-vu", "REVIEW_STARTED hoi-dong.so-khcn",
                "EVIDENCE_REQUESTED hoi-dong.so-khcn", "EVIDENCE_SUPPLIED lanh-dao.so-noi-vu", "CLAIM_REJECTED hoi-dong.so-khcn",
                "CLAIM_VERIFIED hoi-dong.so-khcn", "VERIFIED hoi-dong.so-khcn", "AWARD_PROPOSED hoi-dong.so-khcn", "AWARD_DECIDED hoi-dong.so-khcn");
        JsonNode rejection = nomination.path("steps").get(4);
        assertThat(rejection.path("detail").path("recordId").asText()).isEqualTo("QD-1305-2025.B.5");
        assertThat(rejection.path("detail").path("period").asText()).isEqualTo("2025-08");
        assertThat(rejection.path("reason").asText()).contains("72%");
        assertThat(nomination.path("decisionNumber").asText()).isEqualTo("1234/QĐ-UBND");
    }

    @Test
    void theFrozenDossierReproducesTheDecisionsHashAndIgnoresLaterCorrections() throws Exception {
        String decided = member.get(queries("")).body().path("dossierSha256").asText();
        assertThat(decided).isEqualTo(frozen.path("sha256").asText());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(frozenBytes))).isEqualTo(decided);
        // the correction came after the decision: the frozen bytes are those decided on, B.6 still at 100
        byte[] again = member.getBytes(queries("/dossier/frozen"));
        assertThat(again).isEqualTo(frozenBytes);
        JsonNode frozenDossier = JSON.readTree(frozenBytes);
        assertThat(frozenDossier.path("claims").get(1).path("citations").get(0).path("atMoment").path("value").asText()).isEqualTo("100");
        // the evidence supplied on request is in the dossier with its hash
        assertThat(frozenDossier.path("claims").get(1).path("evidence").get(0).path("sha256").asText()).isEqualTo("c".repeat(64));
        JsonNode check = member.get(queries("/dossier/frozen/verification")).body();
        assertThat(check.path("decisionMatchesAFrozenDossier").asBoolean()).isTrue();
        // the dossier as of now shows what changed since the round's date
        JsonNode now = member.get(queries("/dossier")).body().path("claims").get(1).path("citations").get(0);
        assertThat(now.path("atRoundDate").path("value").asText()).isEqualTo("100");
        assertThat(now.path("atMoment").path("value").asText()).isEqualTo("95");
        assertThat(now.path("changedSinceRoundDate").asBoolean()).isTrue();
        assertThat(now.path("difference").asText()).contains("100").contains("95");
        assertThat(now.path("atMoment").path("corrections").asInt()).isEqualTo(1);
    }

    @Test
    void theRankingAsOfTheRoundDateIsTheOnePublishedThenAndEachPointNamesItsEvents() {
        JsonNode again = member.get(platform.queries + "/api/emulation/campaigns/PT-CDS-2026/rounds/1/ranking?asOf=2025-10-10").body();
        assertThat(again.path("agencies")).isEqualTo(rankingAtRoundDateThen.path("agencies"));
        JsonNode then = rankingAtRoundDateThen.path("agencies").get(0);
        assertThat(then.path("agencyId").asText()).isEqualTo("so-noi-vu");
        assertThat(then.path("targetsMet").asInt()).isEqualTo(1);
        JsonNode targetPoint = null;
        for (JsonNode point : then.path("explanation")) {
            if (point.path("rule").asText().equals("TARGET_MET")) {
                targetPoint = point;
            }
        }
        assertThat(targetPoint).isNotNull();
        assertThat(targetPoint.path("recordId").asText()).isEqualTo("QD-1305-2025.B.6");
        String eventId = targetPoint.path("events").get(0).asText();
        JsonNode history = new Http("kiem-toan").get(platform.queries + "/api/audit/history/QD-1305-2025.B.6").body();
        assertThat(history.toString()).contains(eventId).contains("IndicatorProgressReported");
        // after the correction, B.6's 95% no longer meets the movement's 100%
        JsonNode afterCorrection = member.get(platform.queries + "/api/emulation/campaigns/PT-CDS-2026/rounds/1/ranking?asOf=2025-11-06")
                .body().path("agencies").get(0);
        assertThat(afterCorrection.path("targetsMet").asInt()).isZero();
        assertThat(afterCorrection.path("score").decimalValue()).isLessThan(then.path("score").decimalValue());
    }

    @Test
    void theCouncilsListsComeAsExcelInTheDecisionLayout() throws Exception {
        byte[] decisions = member.getBytes(platform.queries + "/api/emulation/campaigns/PT-CDS-2026/rounds/1/decisions.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(decisions))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Tên tập thể/cá nhân");
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Sở Nội vụ");
            // only the verified achievement is printed
            assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).contains("TD.2").doesNotContain("TD.1");
            assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("Bằng khen của Chủ tịch UBND tỉnh");
            assertThat(sheet.getRow(4).getCell(4).getStringCellValue()).isEqualTo("1234/QĐ-UBND, ngày 08/10/2025");
        }
        String csv = member.get(platform.queries + "/api/emulation/nominations?campaignId=PT-CDS-2026&format=csv").body().asText();
        assertThat(csv).contains(NOMINATION).contains("AWARD_DECIDED");
    }

    private static String training(String code, String name, int target2025, String asWritten2025) {
        return """
                {"indicatorId":"QD-1305-2025.%1$s","planId":"QD-1305-2025","code":"%1$s","name":"%2$s","unit":"%%",
                 "measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":%3$d},"asWritten":"%4$s"},
                            {"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"100%%"}],
                 "leadAgencyId":"so-noi-vu","monitoringAgencyId":"so-khcn"}""".formatted(code, name, target2025, asWritten2025);
    }

    private static String nomination(String id) {
        return """
                {"nominationId":"%s","campaignId":"PT-CDS-2026","round":1,"kind":"COLLECTIVE","agencyId":"so-noi-vu",
                 "proposedAward":"BANG_KHEN","selfAssessment":"Hoàn thành xuất sắc nhiệm vụ bồi dưỡng kỹ năng số",
                 "claims":[{"claimId":"c1","targetCode":"TD.1","achievement":"85%% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản",
                            "citations":[{"recordId":"QD-1305-2025.B.5","period":"2025-08"}]},
                           {"claimId":"c2","targetCode":"TD.2","achievement":"100%% cán bộ, công chức cấp tỉnh được bồi dưỡng kỹ năng số căn bản",
                            "citations":[{"recordId":"QD-1305-2025.B.6","period":"2025-08"}]}]}""".formatted(id);
    }

    private static String commands(String step) {
        return platform.commands + "/api/emulation/nominations/" + NOMINATION + step;
    }

    private static String queries(String path) {
        return platform.queries + "/api/emulation/nominations/" + NOMINATION + path;
    }

    private static void on(String instant) {
        GenericEventMessage.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static void awaitStatus(String status) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(member.get(queries("")).body().path("status").asText()));
    }
}
