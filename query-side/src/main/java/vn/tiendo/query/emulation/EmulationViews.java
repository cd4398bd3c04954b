package vn.tiendo.query.emulation;

import com.fasterxml.jackson.databind.JsonNode;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.emulation.AwardForm;
import vn.tiendo.events.emulation.CampaignTarget;
import vn.tiendo.events.emulation.Citation;
import vn.tiendo.events.emulation.Claim;
import vn.tiendo.events.emulation.Round;
import vn.tiendo.query.audit.AnomalyDetector;
import vn.tiendo.query.web.NotFound;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the emulation API answers: campaigns, nominations, dossiers, scores. */
public final class EmulationViews {

    private EmulationViews() {
    }

    public record CampaignView(String campaignId, String title, String source, LocalDate from, LocalDate to, List<Round> rounds,
                               List<CampaignTarget> targets, List<AwardForm> awards, String collectiveStandard,
                               String individualStandard, List<String> verifyingAgencyIds) {

        public Round round(int number) {
            return rounds.stream().filter(r -> r.number() == number).findFirst()
                    .orElseThrow(() -> new NotFound("round", campaignId + " " + number));
        }

        public CampaignTarget target(String code) {
            return targets.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
        }
    }

    /** A nomination and its verification so far: each claim's state, each step with who, when and why. */
    public record NominationView(String nominationId, String campaignId, int round, String kind, String agencyId, String agencyName,
                                 String nomineeName, String nomineePosition, String proposedAward, String selfAssessment,
                                 List<Claim> claims, Map<String, String> claimStatus, String nominatedBy, OffsetDateTime submittedAt,
                                 String status, JsonNode steps, String awardForm, String decisionNumber, LocalDate decidedOn,
                                 String dossierSha256, long version) {
    }

    /**
     * What the record said of one cited period at one moment: the value and its target, the status, whether the
     * value meets the target in force, and the report's trail (who reported, approved, corrected, when).
     */
    public record Reading(boolean recorded, String value, BigDecimal number, String target, String status, Boolean meetsTarget,
                          Boolean meetsCampaignTarget, String reportId, OffsetDateTime reportedAt, String reportedBy, Boolean approved,
                          String approvedBy, OffsetDateTime approvedAt, int corrections, String lastCorrectedBy,
                          OffsetDateTime lastCorrectedAt, String lastCorrectionReason, List<EvidenceRef> evidence) {

        static Reading notRecorded(String status) {
            return new Reading(false, null, null, null, status, null, null, null, null, null, null, null, null, 0, null, null, null, List.of());
        }
    }

    /** One cited record beside what the record says, at the round's date and at the dossier's moment. */
    public record CitedRecord(Citation citation, String kind, String name, String leadAgencyId, Reading atRoundDate, Reading atMoment,
                              boolean changedSinceRoundDate, String difference, List<AnomalyDetector.Anomaly> anomalies) {
    }

    public record ClaimDossier(String claimId, String targetCode, String targetText, boolean judgedOnEvidence, String achievement,
                               String status, List<EvidenceRef> evidence, List<CitedRecord> citations) {
    }

    /**
     * The dossier a reviewer works from, as of {@code moment}: every claim beside the record, the steps taken. Frozen
     * when the council decides: its canonical JSON and that JSON's SHA-256 are kept, and the hash goes into the decision.
     */
    public record Dossier(String nominationId, String campaignId, String campaignTitle, int round, LocalDate roundDate, String kind,
                          String agencyId, String agencyName, String nomineeName, String nomineePosition, String proposedAward,
                          String selfAssessment, String nominatedBy, String status, List<ClaimDossier> claims, JsonNode steps,
                          Instant moment) {
    }

    public record Frozen(String nominationId, String sha256, Instant frozenAt, String frozenBy) {
    }

    /** A frozen dossier checked: its bytes hashed again, and the hash the award decision carries. */
    public record FrozenCheck(String nominationId, String decisionSha256, List<FrozenIntegrity> frozen, boolean decisionMatchesAFrozenDossier) {
    }

    public record FrozenIntegrity(String sha256, String recomputedSha256, boolean intact, Instant frozenAt, String frozenBy) {
    }

    /** One line of an agency's score: the rule, the record and period, the points, and the events behind them. */
    public record Point(String rule, String recordId, String period, String detail, BigDecimal points, List<String> events) {
    }

    public record AgencyScore(int rank, String agencyId, String name, BigDecimal score, int targetsMet, int anomalies,
                              List<Point> explanation) {
    }

    /** A round's ranking as of a moment, with the weights it was computed with. */
    public record Ranking(String campaignId, int round, Instant asOf, ScoreWeights weights, List<AgencyScore> agencies) {
    }
}
