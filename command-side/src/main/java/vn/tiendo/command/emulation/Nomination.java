package vn.tiendo.command.emulation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.tiendo.command.common.Handled;
import vn.tiendo.command.common.Require;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.common.Today;
import vn.tiendo.command.emulation.EmulationCommands.DecideAward;
import vn.tiendo.command.emulation.EmulationCommands.ProposeAward;
import vn.tiendo.command.emulation.EmulationCommands.RejectClaim;
import vn.tiendo.command.emulation.EmulationCommands.RejectNomination;
import vn.tiendo.command.emulation.EmulationCommands.RequestEvidence;
import vn.tiendo.command.emulation.EmulationCommands.StartReview;
import vn.tiendo.command.emulation.EmulationCommands.SubmitNomination;
import vn.tiendo.command.emulation.EmulationCommands.SupplyEvidence;
import vn.tiendo.command.emulation.EmulationCommands.VerifyClaim;
import vn.tiendo.command.emulation.EmulationCommands.VerifyNomination;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.emulation.AwardDecided;
import vn.tiendo.events.emulation.AwardProposed;
import vn.tiendo.events.emulation.Citation;
import vn.tiendo.events.emulation.Claim;
import vn.tiendo.events.emulation.ClaimRejected;
import vn.tiendo.events.emulation.ClaimVerified;
import vn.tiendo.events.emulation.EvidenceRequested;
import vn.tiendo.events.emulation.EvidenceSupplied;
import vn.tiendo.events.emulation.NominationRejected;
import vn.tiendo.events.emulation.NominationReviewStarted;
import vn.tiendo.events.emulation.NominationSubmitted;
import vn.tiendo.events.emulation.NominationVerified;
import vn.tiendo.events.emulation.NomineeKind;
import vn.tiendo.events.emulation.Round;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A nomination for an award and its verification. The steps, each an event naming the member who took it:
 * submitted → under review ⇄ evidence requested → each claim verified or rejected → nomination verified or rejected
 * → award proposed → award decided (on a frozen dossier, by its hash). A step out of order is a 409. The campaign's
 * rules (round dates, target codes, award forms) come with the command from the registry, never from the request body.
 */
@Aggregate
public class Nomination {

    enum Status { SUBMITTED, UNDER_REVIEW, EVIDENCE_REQUESTED, VERIFIED, REJECTED, AWARD_PROPOSED, AWARD_DECIDED }

    enum ClaimStatus { PENDING, VERIFIED, REJECTED }

    @AggregateIdentifier
    private String nominationId;
    private Status status;
    private final Map<String, ClaimStatus> claims = new LinkedHashMap<>();

    protected Nomination() {
    }

    @CommandHandler
    public Nomination(SubmitNomination command, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        Round round = command.round();
        LocalDate today = Today.date();
        Require.that(!today.isBefore(round.opensOn()), "round",
                "nominations for round " + round.number() + " open on " + round.opensOn() + "; today is " + today);
        Require.that(!today.isAfter(round.closesOn()), "round",
                "nominations for round " + round.number() + " closed on " + round.closesOn() + "; today is " + today);
        Require.notNull(command.kind(), "kind");
        Require.notBlank(command.agencyId(), "agencyId");
        if (command.kind() == NomineeKind.INDIVIDUAL) {
            Require.notBlank(command.nomineeName(), "nomineeName");
            Require.notBlank(command.nomineePosition(), "nomineePosition");
        } else {
            Require.that(command.nomineeName() == null, "nomineeName", "a collective is named by its agency");
        }
        List<Claim> claims = Require.orEmpty(command.claims());
        Require.that(!claims.isEmpty(), "claims", "a nomination claims at least one achievement");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            String field = "claims[" + i + "]";
            Require.notBlank(claim.claimId(), field + ".claimId");
            Require.that(ids.add(claim.claimId()), field + ".claimId", "claim " + claim.claimId() + " is listed twice");
            Require.that(command.targetCodes().contains(claim.targetCode()), field + ".targetCode",
                    "the campaign has no target " + claim.targetCode());
            Require.notBlank(claim.achievement(), field + ".achievement");
            List<Citation> citations = Require.orEmpty(claim.citations());
            Require.that(!citations.isEmpty() || !Require.orEmpty(claim.evidence()).isEmpty(), field,
                    "a claim cites a record or brings evidence");
            for (int c = 0; c < citations.size(); c++) {
                Require.notBlank(citations.get(c).recordId(), field + ".citations[" + c + "].recordId");
                Require.notBlank(citations.get(c).period(), field + ".citations[" + c + "].period");
            }
            Require.validEvidence(claim.evidence(), field + ".evidence");
        }
        apply(new NominationSubmitted(command.nominationId(), command.campaignId(), round.number(), command.kind(), command.agencyId(),
                command.nomineeName(), command.nomineePosition(), command.proposedAward(), command.selfAssessment(),
                claims.stream().map(c -> new Claim(c.claimId(), c.targetCode(), c.achievement(), Require.orEmpty(c.citations()),
                        Require.orEmpty(c.evidence()))).toList(), actor));
    }

    @CommandHandler
    public Handled handle(StartReview command, @MetaDataValue(MetadataKeys.ACTOR) String member) {
        expect(Status.SUBMITTED, "start a review");
        apply(new NominationReviewStarted(nominationId, member));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(RequestEvidence command, @MetaDataValue(MetadataKeys.ACTOR) String member) {
        expect(Status.UNDER_REVIEW, "request evidence");
        Require.notBlank(command.what(), "what");
        if (command.claimId() != null) {
            pending(command.claimId());
        }
        apply(new EvidenceRequested(nominationId, command.claimId(), member, command.what()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(SupplyEvidence command, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        expect(Status.EVIDENCE_REQUESTED, "supply evidence");
        Require.that(!Require.orEmpty(command.evidence()).isEmpty(), "evidence", "evidence is required");
        Require.validEvidence(command.evidence(), "evidence");
        if (command.claimId() != null) {
            pending(command.claimId());
        }
        apply(new EvidenceSupplied(nominationId, command.claimId(), Require.orEmpty(command.evidence()), command.note(), actor));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(VerifyClaim command, @MetaDataValue(MetadataKeys.ACTOR) String member) {
        expect(Status.UNDER_REVIEW, "verify a claim");
        Require.notBlank(command.reason(), "reason");
        pending(command.claimId());
        apply(new ClaimVerified(nominationId, command.claimId(), member, command.reason()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(RejectClaim command, @MetaDataValue(MetadataKeys.ACTOR) String member) {
        expect(Status.UNDER_REVIEW, "reject a claim");
        Require.notBlank(command.reason(), "reason");
        pending(command.claimId());
        Citation contradiction = command.contradictedBy();
        Require.that(contradiction == null || (contradiction.recordId() != null && contradiction.period() != null), "contradictedBy",
                "name the record and its period");
        apply(new ClaimRejected(nominationId, command.claimId(), member, command.reason(), contradiction));
        return Handled.applied();
    }

    /** The nomination stands when every claim is judged and at least one is borne out. */
    @CommandHandler
    public Handled handle(VerifyNomination command, @MetaDataValue(MetadataKeys.ACTOR) String member) {
        expect(Status.UNDER_REVIEW, "verify the nomination");
        Require.notBlank(command.reason(), "reason");
        List<String> open = claims.entrySet().stream().filter(e -> e.getValue() == ClaimStatus.PENDING).map(Map.Entry::getKey).toList();
        if (!open.isEmpty()) {
            throw new StateConflict("claims " + open + " are not judged yet");
        }
        if (!claims.containsValue(ClaimStatus.VERIFIED)) {
            throw new StateConflict("no claim of " + nominationId + " is verified; reject the nomination instead");
        }
        apply(new NominationVerified(nominationId, member, command.reason()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(RejectNomination command, @MetaDataValue(MetadataKeys.ACTOR) String member) {
        if (status != Status.SUBMITTED && status != Status.UNDER_REVIEW && status != Status.EVIDENCE_REQUESTED && status != Status.VERIFIED) {
            throw new StateConflict(nominationId + " is " + status + "; it can no longer be rejected");
        }
        Require.notBlank(command.reason(), "reason");
        apply(new NominationRejected(nominationId, member, command.reason()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(ProposeAward command, @MetaDataValue(MetadataKeys.ACTOR) String member) {
        expect(Status.VERIFIED, "propose an award");
        Require.notBlank(command.awardForm(), "awardForm");
        apply(new AwardProposed(nominationId, command.awardForm(), member, command.reason()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(DecideAward command, @MetaDataValue(MetadataKeys.ACTOR) String member) {
        expect(Status.AWARD_PROPOSED, "decide the award");
        Require.notBlank(command.decisionNumber(), "decisionNumber");
        Require.notNull(command.decidedOn(), "decidedOn");
        Require.notBlank(command.awardForm(), "awardForm");
        Require.that(command.dossierSha256() != null && command.dossierSha256().matches("[0-9a-f]{64}"), "dossierSha256",
                "the SHA-256 of the frozen dossier (64 lowercase hexadecimal characters) is required");
        apply(new AwardDecided(nominationId, command.decisionNumber(), command.decidedOn(), command.awardForm(), command.dossierSha256(), member));
        return Handled.applied();
    }

    private void expect(Status expected, String action) {
        if (status != expected) {
            throw new StateConflict("cannot " + action + ": " + nominationId + " is " + status + ", not " + expected);
        }
    }

    private void pending(String claimId) {
        ClaimStatus claim = claims.get(claimId);
        Require.that(claim != null, "claimId", nominationId + " has no claim " + claimId);
        if (claim != ClaimStatus.PENDING) {
            throw new StateConflict("claim " + claimId + " is already " + claim);
        }
    }

    @EventSourcingHandler
    void on(NominationSubmitted event) {
        nominationId = event.nominationId();
        status = Status.SUBMITTED;
        event.claims().forEach(c -> claims.put(c.claimId(), ClaimStatus.PENDING));
    }

    @EventSourcingHandler
    void on(NominationReviewStarted event) {
        status = Status.UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(EvidenceRequested event) {
        status = Status.EVIDENCE_REQUESTED;
    }

    @EventSourcingHandler
    void on(EvidenceSupplied event) {
        status = Status.UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(ClaimVerified event) {
        claims.put(event.claimId(), ClaimStatus.VERIFIED);
    }

    @EventSourcingHandler
    void on(ClaimRejected event) {
        claims.put(event.claimId(), ClaimStatus.REJECTED);
    }

    @EventSourcingHandler
    void on(NominationVerified event) {
        status = Status.VERIFIED;
    }

    @EventSourcingHandler
    void on(NominationRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(AwardProposed event) {
        status = Status.AWARD_PROPOSED;
    }

    @EventSourcingHandler
    void on(AwardDecided event) {
        status = Status.AWARD_DECIDED;
    }
}
