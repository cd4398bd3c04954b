package vn.tiendo.query.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;
import vn.tiendo.query.emulation.Dossiers;
import vn.tiendo.query.emulation.EmulationQueries;
import vn.tiendo.query.emulation.EmulationViews;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulation council's pages: the nominations of each campaign, and on a nomination's dossier the forms for each
 * step of the verification — take it up, ask for more evidence, verify or reject a claim (naming the record that contradicts it), verify or
 * reject the nomination, propose an award, and decide it on the dossier frozen at that moment (its SHA-256 goes into
 * the decision). The command side decides whether the member may (verifying agency, no conflict of interest).
 */
@Controller
public class CouncilPages {

    private final EmulationQueries emulation;
    private final Dossiers dossiers;
    private final CommandClient commands;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;
    private final EvidenceFiles files;

    public CouncilPages(EmulationQueries emulation, Dossiers dossiers, CommandClient commands, AsOf asOf, ScopePolicy scopePolicy,
                        EvidenceFiles files) {
        this.files = files;
        this.emulation = emulation;
        this.dossiers = dossiers;
        this.commands = commands;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/app/emulation")
    public String nominations(Model model) {
        Map<EmulationViews.CampaignView, List<EmulationViews.NominationView>> byCampaign = new LinkedHashMap<>();
        for (EmulationViews.CampaignView campaign : emulation.campaigns()) {
            byCampaign.put(campaign, emulation.nominations(campaign.campaignId(), null, null, scopePolicy.current()));
        }
        model.addAttribute("campaigns", byCampaign);
        return Pages.common(model, null, asOf, "emulation");
    }

    /** A dossier with the council's forms (members only, and only on today's dossier). */
    @GetMapping("/app/emulation/nominations/{nominationId}")
    public String nomination(@PathVariable String nominationId, @RequestParam(required = false) String asOf, Model model) {
        AsOf.Moment at = this.asOf.parse(asOf);
        EmulationViews.Dossier dossier = dossiers.dossier(nominationId, scopePolicy.current(), at);
        model.addAttribute("dossier", dossier);
        model.addAttribute("member", at.isNow() && PlatformUser.current().has(Role.COUNCIL));
        model.addAttribute("nominating", at.isNow() && PlatformUser.current().has(Role.HEAD) && "EVIDENCE_REQUESTED".equals(dossier.status()));
        model.addAttribute("awards", emulation.campaign(dossier.campaignId()).awards());
        model.addAttribute("version", emulation.nomination(nominationId, scopePolicy.current()).version());
        return Pages.common(model, asOf, this.asOf, "nomination");
    }

    /**
     * One step of the verification. {@code step}: review, claim-verification, claim-rejection, verification,
     * rejection, award-proposal, award-decision (which freezes the dossier first and names its hash).
     */
    @PostMapping("/app/emulation/nominations/{nominationId}/steps/{step}")
    public String step(@PathVariable String nominationId, @PathVariable String step, @RequestParam(required = false) String claimId,
                       @RequestParam(required = false) String reason, @RequestParam(required = false) String recordId,
                       @RequestParam(required = false) String period, @RequestParam(required = false) String awardForm,
                       @RequestParam(required = false) String decisionNumber, @RequestParam(required = false) String decidedOn,
                       @RequestParam(required = false) String what, RedirectAttributes flash) {
        emulation.nomination(nominationId, scopePolicy.current());
        String base = "/api/emulation/nominations/" + nominationId;
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "reason", reason);
        String path = switch (step) {
            case "review" -> base + "/review";
            case "claim-verification" -> base + "/claims/" + Pages.requireId(claimId) + "/verification";
            case "claim-rejection" -> {
                if (recordId != null && !recordId.isBlank()) {
                    body.put("contradictedBy", Map.of("recordId", recordId, "period", period == null ? "" : period));
                }
                yield base + "/claims/" + Pages.requireId(claimId) + "/rejection";
            }
            case "evidence-request" -> {
                put(body, "claimId", claimId);
                put(body, "what", what);
                body.remove("reason");
                yield base + "/evidence-requests";
            }
            case "verification" -> base + "/verification";
            case "rejection" -> base + "/rejection";
            case "award-proposal" -> {
                put(body, "awardForm", awardForm);
                yield base + "/award-proposal";
            }
            case "award-decision" -> {
                // the dossier as it stands now is what the council decides on: freeze it and name its hash
                EmulationViews.Frozen frozen = dossiers.freeze(nominationId, PlatformUser.current().username());
                put(body, "awardForm", awardForm);
                put(body, "decisionNumber", decisionNumber);
                put(body, "decidedOn", decidedOn);
                body.put("dossierSha256", frozen.sha256());
                yield base + "/award-decision";
            }
            default -> throw new NotFound("step", step);
        };
        CommandClient.Answer answer = commands.post(path, body);
        if (answer.accepted()) {
            flash.addFlashAttribute("message", "Đã ghi nhận / Recorded: " + step);
        } else {
            flash.addFlashAttribute("error", ReportForms.refusal(answer));
        }
        return "redirect:/app/emulation/nominations/" + nominationId;
    }

    /** The nominating side answers a request for evidence: a document number and a file, kept by its SHA-256. */
    @PostMapping("/app/emulation/nominations/{nominationId}/evidence")
    public String supplyEvidence(@PathVariable String nominationId, @RequestParam(required = false) String claimId,
                                 @RequestParam(required = false) String documentNumber, @RequestParam(required = false) MultipartFile file,
                                 @RequestParam(required = false) String note, RedirectAttributes flash) throws IOException {
        emulation.nomination(nominationId, scopePolicy.current());
        List<EvidenceRef> evidence = files.fromForm(documentNumber, file, PlatformUser.current().username());
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "claimId", claimId);
        body.put("evidence", evidence);
        put(body, "note", note);
        CommandClient.Answer answer = commands.post("/api/emulation/nominations/" + nominationId + "/evidence", body);
        if (answer.accepted()) {
            flash.addFlashAttribute("message", "Đã bổ sung minh chứng / Evidence supplied");
        } else {
            flash.addFlashAttribute("error", ReportForms.refusal(answer));
        }
        return "redirect:/app/emulation/nominations/" + nominationId;
    }

    private static void put(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value);
        }
    }
}
