package vn.tiendo.query.emulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.query.emulation.EmulationViews.CampaignView;
import vn.tiendo.query.emulation.EmulationViews.Dossier;
import vn.tiendo.query.emulation.EmulationViews.Frozen;
import vn.tiendo.query.emulation.EmulationViews.FrozenCheck;
import vn.tiendo.query.emulation.EmulationViews.NominationView;
import vn.tiendo.query.emulation.EmulationViews.Ranking;
import vn.tiendo.query.report.ReportController;
import vn.tiendo.query.web.AsOf;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the emulation council, heads of agencies and auditors read of campaigns, nominations, dossiers and rankings. */
@RestController
@RequestMapping("/api/emulation")
@Tag(name = "Thi đua – Khen thưởng / Emulation")
public class EmulationQueryController {

    private final EmulationQueries emulation;
    private final Dossiers dossiers;
    private final CampaignScores scores;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public EmulationQueryController(EmulationQueries emulation, Dossiers dossiers, CampaignScores scores, AsOf asOf, ScopePolicy scopePolicy) {
        this.emulation = emulation;
        this.dossiers = dossiers;
        this.scores = scores;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/campaigns")
    @Operation(summary = "Campaigns with their rounds, targets (and the indicators behind them), award forms and verifiers")
    public List<CampaignView> campaigns() {
        return emulation.campaigns();
    }

    @GetMapping("/campaigns/{campaignId}")
    public CampaignView campaign(@PathVariable String campaignId) {
        return emulation.campaign(campaignId);
    }

    @GetMapping("/campaigns/{campaignId}/rounds/{round}/ranking")
    @Operation(summary = "The round's ranking as of a moment (default: the end of the award day), each score explained to the events")
    public Ranking ranking(@PathVariable String campaignId, @PathVariable int round, @RequestParam(required = false) String asOf) {
        return scores.ranking(campaignId, round, this.asOf.parse(asOf));
    }

    @GetMapping("/campaigns/{campaignId}/rounds/{round}/ranking.xlsx")
    public ResponseEntity<byte[]> rankingSheet(@PathVariable String campaignId, @PathVariable int round,
                                               @RequestParam(required = false) String asOf) {
        CampaignView campaign = emulation.campaign(campaignId);
        return sheet("xep-hang-" + campaignId + "-dot-" + round + ".xlsx",
                EmulationSheets.ranking(campaign, scores.ranking(campaignId, round, this.asOf.parse(asOf)), this.asOf.zone()));
    }

    @GetMapping("/campaigns/{campaignId}/rounds/{round}/nominations.xlsx")
    @Operation(summary = "The round's nominations you may see: STT, tên tập thể/cá nhân, thành tích, hình thức khen thưởng")
    public ResponseEntity<byte[]> nominationSheet(@PathVariable String campaignId, @PathVariable int round) {
        CampaignView campaign = emulation.campaign(campaignId);
        campaign.round(round);
        return sheet("de-nghi-" + campaignId + "-dot-" + round + ".xlsx",
                EmulationSheets.nominations(campaign, round, emulation.nominations(campaignId, round, null, scopePolicy.current())));
    }

    @GetMapping("/campaigns/{campaignId}/rounds/{round}/decisions.xlsx")
    @Operation(summary = "The round's award decisions: who, for what, which award, by which decision, on which dossier")
    public ResponseEntity<byte[]> decisionSheet(@PathVariable String campaignId, @PathVariable int round) {
        CampaignView campaign = emulation.campaign(campaignId);
        campaign.round(round);
        return sheet("quyet-dinh-" + campaignId + "-dot-" + round + ".xlsx", EmulationSheets.decisions(campaign, round,
                emulation.nominations(campaignId, round, "AWARD_DECIDED", Scope.ALL)));
    }

    @GetMapping("/nominations")
    @Operation(summary = "Nominations you may see (your agency's, or all for the council), by campaign, round and status; ?format=csv")
    public List<NominationView> nominations(@RequestParam(required = false) String campaignId, @RequestParam(required = false) Integer round,
                                            @RequestParam(required = false) String status) {
        return emulation.nominations(campaignId, round, status, scopePolicy.current());
    }

    @GetMapping("/nominations/{nominationId}")
    public NominationView nomination(@PathVariable String nominationId) {
        return emulation.nomination(nominationId, scopePolicy.current());
    }

    @GetMapping("/nominations/{nominationId}/dossier")
    @Operation(summary = "The dossier: each claim beside the record at the round's date and at the moment asked, anomaly flags, evidence, report trails")
    public Dossier dossier(@PathVariable String nominationId, @RequestParam(required = false) String asOf) {
        return dossiers.dossier(nominationId, scopePolicy.current(), this.asOf.parse(asOf));
    }

    @PostMapping("/nominations/{nominationId}/dossier/freeze")
    @Operation(summary = "Freeze the dossier as it stands: its canonical JSON is kept and its SHA-256 returned, for the award decision")
    public ResponseEntity<Frozen> freeze(@PathVariable String nominationId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(dossiers.freeze(nominationId, PlatformUser.current().username()));
    }

    @GetMapping("/nominations/{nominationId}/dossier/frozen")
    @Operation(summary = "The frozen dossier's bytes exactly as kept (the one the decision names); SHA-256 them to check the decision")
    public ResponseEntity<byte[]> frozen(@PathVariable String nominationId) {
        byte[] content = dossiers.frozenContent(nominationId, scopePolicy.current());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("X-Dossier-SHA256", Dossiers.sha256(content)).body(content);
    }

    @GetMapping("/nominations/{nominationId}/dossier/frozen/verification")
    @Operation(summary = "Every frozen dossier of the nomination hashed again, and whether the decision's hash is one of them, intact")
    public FrozenCheck verifyFrozen(@PathVariable String nominationId) {
        return dossiers.check(nominationId, scopePolicy.current());
    }

    private static ResponseEntity<byte[]> sheet(String fileName, byte[] content) {
        return ResponseEntity.ok().contentType(ReportController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
