package vn.tiendo.query.emulation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.emulation.AwardDecided;
import vn.tiendo.events.emulation.AwardProposed;
import vn.tiendo.events.emulation.CampaignLaunched;
import vn.tiendo.events.emulation.ClaimRejected;
import vn.tiendo.events.emulation.ClaimVerified;
import vn.tiendo.events.emulation.CoVerifierNamed;
import vn.tiendo.events.emulation.EvidenceRequested;
import vn.tiendo.events.emulation.EvidenceSupplied;
import vn.tiendo.events.emulation.NominationRejected;
import vn.tiendo.events.emulation.NominationReviewStarted;
import vn.tiendo.events.emulation.NominationSubmitted;
import vn.tiendo.events.emulation.NominationVerified;
import vn.tiendo.query.config.JsonColumns;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Campaigns and nominations, each nomination with its steps (who, when, why) and the state of each claim.
 * Its table names are unqualified on purpose: they resolve to schema {@code projection}, or while a rebuild replays
 * into new tables to the rebuild's schema ({@link vn.tiendo.query.admin.ProjectionRebuild}).
 */
@Component
@ProcessingGroup(EmulationProjection.PROCESSING_GROUP)
public class EmulationProjection {

    public static final String PROCESSING_GROUP = "emulation-projection";

    /** One step of a nomination's verification, as the nomination view lists it. */
    public record Step(String step, String member, String reason, String claimId, Object detail, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    public EmulationProjection(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CampaignLaunched e, @Timestamp Instant at) {
        jdbc.update("insert into emulation_campaign (campaign_id, title, source, period_from, period_to, rounds, targets, awards, "
                        + "collective_standard, individual_standard, verifiers, launched_at) "
                        + "values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?)",
                e.campaignId(), e.title(), e.source(), e.from(), e.to(), json.write(e.rounds()), json.write(e.targets()), json.write(e.awards()),
                e.collectiveStandard(), e.individualStandard(), json.write(e.verifyingAgencyIds()), utc(at));
    }

    @EventHandler
    void on(CoVerifierNamed e) {
        jdbc.update("update emulation_campaign set verifiers = verifiers || ?::jsonb where campaign_id = ?",
                json.write(List.of(e.agencyId())), e.campaignId());
    }

    @EventHandler
    void on(NominationSubmitted e, @Timestamp Instant at) {
        jdbc.update("insert into emulation_nomination (nomination_id, campaign_id, round_number, kind, agency_id, nominee_name, "
                        + "nominee_position, proposed_award, self_assessment, claims, nominated_by, submitted_at, status, claim_status, steps, version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'SUBMITTED', '{}'::jsonb, ?::jsonb, 0)",
                e.nominationId(), e.campaignId(), e.round(), e.kind().name(), e.agencyId(), e.nomineeName(), e.nomineePosition(),
                e.proposedAward(), e.selfAssessment(), json.write(e.claims()), e.nominatedBy(), utc(at),
                json.write(List.of(new Step("SUBMITTED", e.nominatedBy(), null, null, null, at))));
    }

    @EventHandler
    void on(NominationReviewStarted e, @Timestamp Instant at, @SequenceNumber long version) {
        step(e.nominationId(), "UNDER_REVIEW", new Step("REVIEW_STARTED", e.member(), null, null, null, at), version);
    }

    @EventHandler
    void on(EvidenceRequested e, @Timestamp Instant at, @SequenceNumber long version) {
        step(e.nominationId(), "EVIDENCE_REQUESTED", new Step("EVIDENCE_REQUESTED", e.member(), e.what(), e.claimId(), null, at), version);
    }

    @EventHandler
    void on(EvidenceSupplied e, @Timestamp Instant at, @SequenceNumber long version) {
        step(e.nominationId(), "UNDER_REVIEW", new Step("EVIDENCE_SUPPLIED", e.suppliedBy(), e.note(), e.claimId(), e.evidence(), at), version);
    }

    @EventHandler
    void on(ClaimVerified e, @Timestamp Instant at, @SequenceNumber long version) {
        claim(e.nominationId(), e.claimId(), "VERIFIED");
        step(e.nominationId(), null, new Step("CLAIM_VERIFIED", e.member(), e.reason(), e.claimId(), null, at), version);
    }

    @EventHandler
    void on(ClaimRejected e, @Timestamp Instant at, @SequenceNumber long version) {
        claim(e.nominationId(), e.claimId(), "REJECTED");
        step(e.nominationId(), null, new Step("CLAIM_REJECTED", e.member(), e.reason(), e.claimId(), e.contradictedBy(), at), version);
    }

    @EventHandler
    void on(NominationVerified e, @Timestamp Instant at, @SequenceNumber long version) {
        step(e.nominationId(), "VERIFIED", new Step("VERIFIED", e.member(), e.reason(), null, null, at), version);
    }

    @EventHandler
    void on(NominationRejected e, @Timestamp Instant at, @SequenceNumber long version) {
        step(e.nominationId(), "REJECTED", new Step("REJECTED", e.member(), e.reason(), null, null, at), version);
    }

    @EventHandler
    void on(AwardProposed e, @Timestamp Instant at, @SequenceNumber long version) {
        step(e.nominationId(), "AWARD_PROPOSED", new Step("AWARD_PROPOSED", e.member(), e.reason(), null, e.awardForm(), at), version);
    }

    @EventHandler
    void on(AwardDecided e, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.update("update emulation_nomination set award_form = ?, decision_number = ?, decided_on = ?, dossier_sha256 = ? "
                + "where nomination_id = ?", e.awardForm(), e.decisionNumber(), e.decidedOn(), e.dossierSha256(), e.nominationId());
        step(e.nominationId(), "AWARD_DECIDED", new Step("AWARD_DECIDED", e.member(), e.decisionNumber(),
                null, Map.of("awardForm", e.awardForm(), "decidedOn", e.decidedOn().toString(), "dossierSha256", e.dossierSha256()), at), version);
    }

    private void claim(String nominationId, String claimId, String status) {
        jdbc.update("update emulation_nomination set claim_status = claim_status || ?::jsonb where nomination_id = ?",
                json.write(Map.of(claimId, status)), nominationId);
    }

    private void step(String nominationId, String status, Step step, long version) {
        jdbc.update("update emulation_nomination set status = coalesce(?, status), steps = steps || ?::jsonb, version = ? "
                + "where nomination_id = ?", status, json.write(List.of(step)), version, nominationId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from emulation_campaign");
        jdbc.update("delete from emulation_nomination");
    }
}
