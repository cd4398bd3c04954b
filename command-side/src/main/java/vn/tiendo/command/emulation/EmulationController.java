package vn.tiendo.command.emulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.command.emulation.EmulationCommands.DecideAward;
import vn.tiendo.command.emulation.EmulationCommands.LaunchCampaign;
import vn.tiendo.command.emulation.EmulationCommands.NameCoVerifier;
import vn.tiendo.command.emulation.EmulationCommands.ProposeAward;
import vn.tiendo.command.emulation.EmulationCommands.RejectClaim;
import vn.tiendo.command.emulation.EmulationCommands.RejectNomination;
import vn.tiendo.command.emulation.EmulationCommands.RequestEvidence;
import vn.tiendo.command.emulation.EmulationCommands.StartReview;
import vn.tiendo.command.emulation.EmulationCommands.SubmitNomination;
import vn.tiendo.command.emulation.EmulationCommands.SupplyEvidence;
import vn.tiendo.command.emulation.EmulationCommands.VerifyClaim;
import vn.tiendo.command.emulation.EmulationCommands.VerifyNomination;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.web.CommandAccepted;
import vn.tiendo.command.web.CommandDispatcher;
import vn.tiendo.command.web.Ids;
import vn.tiendo.command.web.ReasonRequest;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.TextRules;
import vn.tiendo.events.emulation.AwardForm;
import vn.tiendo.events.emulation.CampaignTarget;
import vn.tiendo.events.emulation.Citation;
import vn.tiendo.events.emulation.Claim;
import vn.tiendo.events.emulation.NomineeKind;
import vn.tiendo.events.emulation.Round;
import vn.tiendo.platform.scope.ScopePolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Emulation campaigns (phong trào thi đua), nominations and their verification by the council. */
@RestController
@RequestMapping("/api/emulation")
@Tag(name = "Thi đua – Khen thưởng / Emulation")
public class EmulationController {

    public record RoundRequest(int number, @NotBlank @Size(max = TextRules.MAX_LABEL) String name,
                               @Size(max = TextRules.MAX_LABEL) String occasion, @NotNull LocalDate opensOn,
                               @NotNull LocalDate closesOn, @NotNull LocalDate awardDate) {
    }

    public record TargetRequest(@NotBlank @Size(max = TextRules.MAX_ID) String code, @NotBlank @Size(max = TextRules.MAX_NAME) String text,
                                Comparator comparator, BigDecimal value,
                                @Size(max = TextRules.MAX_ITEMS) List<@Size(max = TextRules.MAX_ID) String> indicatorIds) {
    }

    public record AwardRequest(@NotBlank @Size(max = TextRules.MAX_ID) String code, @NotBlank @Size(max = TextRules.MAX_LABEL) String name,
                               @NotBlank @Size(max = TextRules.MAX_LABEL) String grantedBy,
                               @Size(max = TextRules.MAX_LABEL) String proposedBy) {
    }

    public record LaunchCampaignRequest(@NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String campaignId,
                                        @NotBlank @Size(max = TextRules.MAX_NAME) String title,
                                        @Size(max = TextRules.MAX_LABEL) String source, @NotNull LocalDate from, @NotNull LocalDate to,
                                        @NotEmpty @Size(max = TextRules.MAX_ITEMS) List<@Valid @NotNull RoundRequest> rounds,
                                        @Size(max = TextRules.MAX_ITEMS) List<@Valid @NotNull TargetRequest> targets,
                                        @NotEmpty @Size(max = TextRules.MAX_ITEMS) List<@Valid @NotNull AwardRequest> awards,
                                        @Size(max = TextRules.MAX_ANY_TEXT) String collectiveStandard,
                                        @Size(max = TextRules.MAX_ANY_TEXT) String individualStandard,
                                        @NotEmpty @Size(max = TextRules.MAX_ITEMS) List<@NotBlank @Size(max = TextRules.MAX_ID) String> verifyingAgencyIds) {
    }

    public record CoVerifierRequest(@NotBlank @Size(max = TextRules.MAX_ID) String agencyId) {
    }

    public record CitationRequest(@NotBlank @Size(max = TextRules.MAX_ID) String recordId, @NotBlank @Size(max = 20) String period) {
    }

    public record ClaimRequest(@NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String claimId,
                               @NotBlank @Size(max = TextRules.MAX_ID) String targetCode,
                               @NotBlank @Size(max = TextRules.MAX_NOTE) String achievement,
                               @Size(max = TextRules.MAX_ITEMS) List<@Valid @NotNull CitationRequest> citations,
                               @Size(max = TextRules.MAX_ITEMS) List<@Valid @NotNull EvidenceRef> evidence) {
    }

    public record NominationRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String nominationId,
                                    @NotBlank @Size(max = TextRules.MAX_ID) String campaignId, int round, @NotNull NomineeKind kind,
                                    @NotBlank @Size(max = TextRules.MAX_ID) String agencyId,
                                    @Size(max = TextRules.MAX_NAME) String nomineeName,
                                    @Size(max = TextRules.MAX_LABEL) String nomineePosition,
                                    @Size(max = TextRules.MAX_ID) String proposedAward,
                                    @Size(max = TextRules.MAX_ANY_TEXT) String selfAssessment,
                                    @NotEmpty @Size(max = TextRules.MAX_ITEMS) List<@Valid @NotNull ClaimRequest> claims) {
    }

    /** The version is optional: taking a nomination up changes nothing the member could have misread. */
    public record StartReviewRequest(Long expectedVersion) {
    }

    public record EvidenceRequest(Long expectedVersion, @Size(max = TextRules.MAX_ID) String claimId,
                                  @NotBlank @Size(max = TextRules.MAX_NOTE) String what) {
    }

    public record SupplyEvidenceRequest(Long expectedVersion, @Size(max = TextRules.MAX_ID) String claimId,
                                        @NotEmpty @Size(max = TextRules.MAX_ITEMS) List<@Valid @NotNull EvidenceRef> evidence,
                                        @Size(max = TextRules.MAX_NOTE) String note) {
    }

    public record RejectClaimRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_NOTE) String reason,
                                     @Valid CitationRequest contradictedBy) {
    }

    public record AwardProposalRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_ID) String awardForm,
                                       @Size(max = TextRules.MAX_NOTE) String reason) {
    }

    public record AwardDecisionRequest(Long expectedVersion, @NotBlank @Size(max = TextRules.MAX_LABEL) String decisionNumber,
                                       @NotNull LocalDate decidedOn, @NotBlank @Size(max = TextRules.MAX_ID) String awardForm,
                                       @NotBlank @Size(max = 64) String dossierSha256) {
    }

    private final CommandDispatcher dispatcher;
    private final Registry registry;
    private final CouncilRules council;
    private final ScopePolicy scopePolicy;

    public EmulationController(CommandDispatcher dispatcher, Registry registry, CouncilRules council, ScopePolicy scopePolicy) {
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.council = council;
        this.scopePolicy = scopePolicy;
    }

    @PostMapping("/campaigns")
    @Operation(summary = "Launch a campaign: rounds, targets (with the indicators that measure them), award forms, verifying agencies")
    public ResponseEntity<CommandAccepted> launch(@Valid @RequestBody LaunchCampaignRequest body, HttpServletRequest http) {
        // a target may name an indicator its plan defines later (the 2026 movement came before Decision 1305 was issued)
        registry.requireAgencies(body.verifyingAgencyIds(), "verifyingAgencyIds");
        return dispatcher.create(http, body, body.campaignId(), command(body));
    }

    /** The launch command a request asks for (the demo loader sends the catalog's campaign the same way). */
    public static LaunchCampaign command(LaunchCampaignRequest body) {
        List<TargetRequest> targets = body.targets() == null ? List.of() : body.targets();
        return new LaunchCampaign(body.campaignId(), body.title(), body.source(), body.from(), body.to(),
                body.rounds().stream().map(r -> new Round(r.number(), r.name(), r.occasion(), r.opensOn(), r.closesOn(), r.awardDate())).toList(),
                targets.stream().map(t -> new CampaignTarget(t.code(), t.text(), t.comparator(), t.value(), t.indicatorIds())).toList(),
                body.awards().stream().map(a -> new AwardForm(a.code(), a.name(), a.grantedBy(), a.proposedBy())).toList(),
                body.collectiveStandard(), body.individualStandard(), body.verifyingAgencyIds());
    }

    @PostMapping("/campaigns/{campaignId}/co-verifiers")
    @Operation(summary = "Name another agency that verifies the campaign's nominations (Sở Nội vụ for the Bằng khen)")
    public ResponseEntity<CommandAccepted> coVerifier(@PathVariable String campaignId, @Valid @RequestBody CoVerifierRequest body,
                                                      HttpServletRequest http) {
        registry.requireAgency(body.agencyId(), "agencyId");
        return dispatcher.update(http, body, campaignId, new NameCoVerifier(campaignId, body.agencyId()), null);
    }

    @PostMapping("/nominations")
    @Operation(summary = "Nominate a collective or a person of your agency (or one below it) for a round, with the achievements claimed")
    public ResponseEntity<CommandAccepted> nominate(@Valid @RequestBody NominationRequest body, HttpServletRequest http) {
        registry.requireAgency(body.agencyId(), "agencyId");
        scopePolicy.current().requireActsOn(body.agencyId(), "a nomination of " + body.agencyId());
        Round round = registry.round(body.campaignId(), body.round())
                .orElseThrow(() -> new RuleViolation("round", "campaign " + body.campaignId() + " has no round " + body.round()));
        List<String> awards = registry.campaignCodes(body.campaignId(), "AWARD");
        if (body.proposedAward() != null && !awards.contains(body.proposedAward())) {
            throw new RuleViolation("proposedAward", "the campaign's award forms are " + awards);
        }
        List<Claim> claims = body.claims().stream().map(c -> new Claim(c.claimId(), c.targetCode(), c.achievement(),
                c.citations() == null ? List.of() : c.citations().stream().map(x -> new Citation(x.recordId(), x.period())).toList(),
                c.evidence())).toList();
        for (int c = 0; c < claims.size(); c++) {
            for (int x = 0; x < claims.get(c).citations().size(); x++) {
                String recordId = claims.get(c).citations().get(x).recordId();
                if (registry.leadOf(recordId).isEmpty()) {
                    throw new RuleViolation("claims[" + c + "].citations[" + x + "].recordId", "no indicator or task " + recordId);
                }
            }
        }
        String nominationId = Ids.orNew(body.nominationId());
        return dispatcher.create(http, body, nominationId, new SubmitNomination(nominationId, body.campaignId(), round,
                registry.campaignCodes(body.campaignId(), "TARGET"), body.kind(), body.agencyId(), body.nomineeName(),
                body.nomineePosition(), body.proposedAward(), body.selfAssessment(), claims));
    }

    @PostMapping("/nominations/{nominationId}/review")
    @Operation(summary = "Take the nomination up for review (council member of a verifying agency, not of the nominated one)")
    public ResponseEntity<CommandAccepted> review(@PathVariable String nominationId, @Valid @RequestBody StartReviewRequest body,
                                                  HttpServletRequest http) {
        council.requireMayJudge(nominationId);
        return dispatcher.update(http, body, nominationId, new StartReview(nominationId, body.expectedVersion()), null);
    }

    @PostMapping("/nominations/{nominationId}/evidence-requests")
    @Operation(summary = "Ask the nominating agency for more evidence, for one claim or the whole nomination")
    public ResponseEntity<CommandAccepted> requestEvidence(@PathVariable String nominationId, @Valid @RequestBody EvidenceRequest body,
                                                           HttpServletRequest http) {
        council.requireMayJudge(nominationId);
        return dispatcher.update(http, body, nominationId, new RequestEvidence(nominationId, body.expectedVersion(), body.claimId(), body.what()),
                body.what());
    }

    @PostMapping("/nominations/{nominationId}/evidence")
    @Operation(summary = "Answer a request for evidence (the nominating side)")
    public ResponseEntity<CommandAccepted> supplyEvidence(@PathVariable String nominationId, @Valid @RequestBody SupplyEvidenceRequest body,
                                                          HttpServletRequest http) {
        council.requireNominatingSide(nominationId);
        return dispatcher.update(http, body, nominationId, new SupplyEvidence(nominationId, body.expectedVersion(), body.claimId(),
                body.evidence(), body.note()), body.note());
    }

    @PostMapping("/nominations/{nominationId}/claims/{claimId}/verification")
    @Operation(summary = "The record bears the claim out")
    public ResponseEntity<CommandAccepted> verifyClaim(@PathVariable String nominationId, @PathVariable String claimId,
                                                       @Valid @RequestBody ReasonRequest body, HttpServletRequest http) {
        council.requireMayJudge(nominationId);
        return dispatcher.update(http, body, nominationId, new VerifyClaim(nominationId, body.expectedVersion(), claimId, body.reason()),
                body.reason());
    }

    @PostMapping("/nominations/{nominationId}/claims/{claimId}/rejection")
    @Operation(summary = "Refuse a claim, naming the record that contradicts it")
    public ResponseEntity<CommandAccepted> rejectClaim(@PathVariable String nominationId, @PathVariable String claimId,
                                                       @Valid @RequestBody RejectClaimRequest body, HttpServletRequest http) {
        council.requireMayJudge(nominationId);
        Citation contradiction = body.contradictedBy() == null ? null
                : new Citation(body.contradictedBy().recordId(), body.contradictedBy().period());
        return dispatcher.update(http, body, nominationId, new RejectClaim(nominationId, body.expectedVersion(), claimId, body.reason(),
                contradiction), body.reason());
    }

    @PostMapping("/nominations/{nominationId}/verification")
    @Operation(summary = "Every claim judged, at least one borne out: the nomination stands")
    public ResponseEntity<CommandAccepted> verify(@PathVariable String nominationId, @Valid @RequestBody ReasonRequest body,
                                                  HttpServletRequest http) {
        council.requireMayJudge(nominationId);
        return dispatcher.update(http, body, nominationId, new VerifyNomination(nominationId, body.expectedVersion(), body.reason()),
                body.reason());
    }

    @PostMapping("/nominations/{nominationId}/rejection")
    @Operation(summary = "The nomination does not go forward")
    public ResponseEntity<CommandAccepted> reject(@PathVariable String nominationId, @Valid @RequestBody ReasonRequest body,
                                                  HttpServletRequest http) {
        council.requireMayJudge(nominationId);
        return dispatcher.update(http, body, nominationId, new RejectNomination(nominationId, body.expectedVersion(), body.reason()),
                body.reason());
    }

    @PostMapping("/nominations/{nominationId}/award-proposal")
    @Operation(summary = "Propose an award form for a verified nomination")
    public ResponseEntity<CommandAccepted> proposeAward(@PathVariable String nominationId, @Valid @RequestBody AwardProposalRequest body,
                                                        HttpServletRequest http) {
        Registry.NominationRef nomination = council.requireMayJudge(nominationId);
        requireAward(nomination, body.awardForm());
        return dispatcher.update(http, body, nominationId, new ProposeAward(nominationId, body.expectedVersion(), body.awardForm(),
                body.reason()), body.reason());
    }

    @PostMapping("/nominations/{nominationId}/award-decision")
    @Operation(summary = "Record the award decision (number, date, form) with the SHA-256 of the frozen dossier it was decided on")
    public ResponseEntity<CommandAccepted> decideAward(@PathVariable String nominationId, @Valid @RequestBody AwardDecisionRequest body,
                                                       HttpServletRequest http) {
        Registry.NominationRef nomination = council.requireMayJudge(nominationId);
        requireAward(nomination, body.awardForm());
        return dispatcher.update(http, body, nominationId, new DecideAward(nominationId, body.expectedVersion(), body.decisionNumber(),
                body.decidedOn(), body.awardForm(), body.dossierSha256()), null);
    }

    private void requireAward(Registry.NominationRef nomination, String awardForm) {
        List<String> awards = registry.campaignCodes(nomination.campaignId(), "AWARD");
        if (!awards.contains(awardForm)) {
            throw new RuleViolation("awardForm", "the campaign's award forms are " + awards);
        }
    }
}
