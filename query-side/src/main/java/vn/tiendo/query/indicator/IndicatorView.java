package vn.tiendo.query.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.StatusRules;

import vn.tiendo.platform.scope.Scope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Views of the indicator API. */
public final class IndicatorView {

    private IndicatorView() {
    }

    /**
     * An indicator with its value for the assessed period (approved, or a draft awaiting the head of agency:
     * {@code approved}; null when nothing is reported) (the latest reported one unless asked) and its status;
     * {@code milestones}: every target judged on its own, so that a missed 2025 target stays visible in 2026.
     * {@code implementsIndicatorId}: the indicator of the plan above this one implements (its figure counts there, with
     * {@code implementsWeight}); {@code rollUpRule}: how this one's figure is built from those implementing it.
     */
    public record Status(String indicatorId, String planId, LocalDate planStart, LocalDate planEnd, String code, String name,
                         List<String> groupPath, String unit, Measure measure,
                         Direction direction, String leadAgencyId, String leadAgencyName, String monitoringAgencyId,
                         MeasuredValue baseline, String baselineAsWritten, List<Target> targets,
                         String period, MeasuredValue value, Target targetInForce, BigDecimal expectedOnPath,
                         IndicatorStatus status, String statusLabel, OffsetDateTime reportedAt, String reportedBy,
                         Boolean approved, int correctionCount, List<StatusRules.Milestone> milestones, long version,
                         String implementsIndicatorId, BigDecimal implementsWeight, RollUpRule rollUpRule, String rollUpWeightLabel) {

        /** Whether a reader with {@code scope} sees the indicator: its lead or its monitoring agency is theirs (the scope policy's rule). */
        public boolean seenBy(Scope scope) {
            return scope.includesAny(Arrays.asList(leadAgencyId, monitoringAgencyId));
        }
    }

    /** One period of an indicator's time series. */
    public record SeriesPoint(String period, MeasuredValue value, Target targetInForce, BigDecimal expectedOnPath,
                              IndicatorStatus status, String statusLabel, String reportId, OffsetDateTime reportedAt,
                              String reportedBy, String reportedFor, String note, List<EvidenceRef> evidence,
                              boolean corrected, int correctionCount, OffsetDateTime lastCorrectedAt,
                              String lastCorrectedBy, String lastCorrectionReason, boolean approved, String approvedBy,
                              OffsetDateTime approvedAt, JsonNode pendingCorrection) {
    }
}
