package vn.tiendo.command.emulation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.emulation.AwardForm;
import vn.tiendo.events.emulation.CampaignTarget;
import vn.tiendo.events.emulation.Citation;
import vn.tiendo.events.emulation.Claim;
import vn.tiendo.events.emulation.NomineeKind;
import vn.tiendo.events.emulation.Round;

import java.time.LocalDate;
import java.util.List;

/** What the coordinating department, heads of agencies and the emulation council ask of campaigns and nominations. */
public final class EmulationCommands {

    private EmulationCommands() {
    }

    public record LaunchCampaign(String campaignId, String title, String source, LocalDate from, LocalDate to, List<Round> rounds,
                                 List<CampaignTarget> targets, List<AwardForm> awards, String collectiveStandard,
                                 String individualStandard, List<String> verifyingAgencyIds) {
    }

    public record NameCoVerifier(@TargetAggregateIdentifier String campaignId, String agencyId) {
    }

    /**
     * {@code round} and {@code targetCodes} are the campaign's as registered, looked up by the controller, never taken
     * from the request body.
     */
    public record SubmitNomination(String nominationId, String campaignId, Round round, List<String> targetCodes,
                                   NomineeKind kind, String agencyId, String nomineeName, String nomineePosition,
                                   String proposedAward, String selfAssessment, List<Claim> claims) {
    }

    public record StartReview(@TargetAggregateIdentifier String nominationId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RequestEvidence(@TargetAggregateIdentifier String nominationId, @TargetAggregateVersion Long expectedVersion,
                                  String claimId, String what) {
    }

    public record SupplyEvidence(@TargetAggregateIdentifier String nominationId, @TargetAggregateVersion Long expectedVersion,
                                 String claimId, List<EvidenceRef> evidence, String note) {
    }

    public record VerifyClaim(@TargetAggregateIdentifier String nominationId, @TargetAggregateVersion Long expectedVersion,
                              String claimId, String reason) {
    }

    public record RejectClaim(@TargetAggregateIdentifier String nominationId, @TargetAggregateVersion Long expectedVersion,
                              String claimId, String reason, Citation contradictedBy) {
    }

    public record VerifyNomination(@TargetAggregateIdentifier String nominationId, @TargetAggregateVersion Long expectedVersion,
                                   String reason) {
    }

    public record RejectNomination(@TargetAggregateIdentifier String nominationId, @TargetAggregateVersion Long expectedVersion,
                                   String reason) {
    }

    public record ProposeAward(@TargetAggregateIdentifier String nominationId, @TargetAggregateVersion Long expectedVersion,
                               String awardForm, String reason) {
    }

    public record DecideAward(@TargetAggregateIdentifier String nominationId, @TargetAggregateVersion Long expectedVersion,
                              String decisionNumber, LocalDate decidedOn, String awardForm, String dossierSha256) {
    }
}
