package vn.tiendo.command.indicator;

import vn.tiendo.command.reminder.ReportingRules;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;

import vn.tiendo.events.indicator.RollUpRule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What can be asked of an indicator. {@code expectedVersion} is the version the client saw; when given and stale,
 * the command is refused with a conflict (optimistic concurrency).
 */
public final class IndicatorCommands {

    private IndicatorCommands() {
    }

    /**
     * {@code share}: the indicator is a row the plan assigned to a group of agencies (null: an indicator of its own);
     * the owner's indicator rolls up its members' shares, each member's implements it.
     */
    public record DefineIndicator(String indicatorId, String planId, String code, String name, String unit,
                                  Measure measure, Direction direction, MeasuredValue baseline, String baselineAsWritten,
                                  List<Target> targets, String leadAgencyId, String monitoringAgencyId,
                                  LocalDate planStart, LocalDate planEnd, List<String> groupPath, Share share) {

        public DefineIndicator(String indicatorId, String planId, String code, String name, String unit,
                               Measure measure, Direction direction, MeasuredValue baseline, String baselineAsWritten,
                               List<Target> targets, String leadAgencyId, String monitoringAgencyId,
                               LocalDate planStart, LocalDate planEnd, List<String> groupPath) {
            this(indicatorId, planId, code, name, unit, measure, direction, baseline, baselineAsWritten, targets, leadAgencyId, monitoringAgencyId,
                    planStart, planEnd, groupPath, null);
        }
    }

    /**
     * How an indicator takes part in a row assigned to a group ({@code groupName}): a member's share implements
     * {@code partOfIndicatorId}; the owner's indicator declares {@code rule} to roll the shares up (null: none fits).
     */
    public record Share(String groupId, String groupName, String partOfIndicatorId, RollUpRule rule) {
    }

    /** Who monitors and evaluates the indicator (cơ quan theo dõi, đánh giá) from a date, for a reason. */
    public record ReassignMonitoring(@TargetAggregateIdentifier String indicatorId, @TargetAggregateVersion Long expectedVersion,
                                     String toAgencyId, String reason, LocalDate effectiveDate) {
    }

    public record ReviseIndicatorTarget(@TargetAggregateIdentifier String indicatorId,
                                        @TargetAggregateVersion Long expectedVersion,
                                        Target newTarget, String reason, String decisionReference) {
    }

    public record ReassignIndicator(@TargetAggregateIdentifier String indicatorId,
                                    @TargetAggregateVersion Long expectedVersion,
                                    String toAgencyId, String reason, LocalDate effectiveDate) {
    }

    /** {@code approved}: reported by someone who may approve (a head, the coordinator), so no draft stage. */
    public record ReportIndicatorProgress(@TargetAggregateIdentifier String indicatorId,
                                          @TargetAggregateVersion Long expectedVersion,
                                          String reportId, Period period, MeasuredValue value, String note,
                                          List<EvidenceRef> evidence, boolean approved) {
    }

    public record ApproveIndicatorReport(@TargetAggregateIdentifier String indicatorId, @TargetAggregateVersion Long expectedVersion,
                                         String reportId) {
    }

    public record AcceptIndicatorCorrection(@TargetAggregateIdentifier String indicatorId, @TargetAggregateVersion Long expectedVersion,
                                            String proposalId) {
    }

    public record RejectIndicatorCorrection(@TargetAggregateIdentifier String indicatorId, @TargetAggregateVersion Long expectedVersion,
                                            String proposalId, String reason) {
    }

    /** On a draft the value changes at once; on an approved report it becomes proposal {@code proposalId}. */
    public record CorrectIndicatorProgress(@TargetAggregateIdentifier String indicatorId,
                                           @TargetAggregateVersion Long expectedVersion,
                                           String reportId, MeasuredValue newValue, String reason,
                                           List<EvidenceRef> evidence, String proposalId) {
    }

    /**
     * Brings the indicator in line with a (re-)imported row: a revision event for each target that differs, a
     * reassignment when the lead differs, nothing when all is the same. Answers how many events it applied; with
     * {@code preview} it applies nothing and answers the changes it would make (an import's dry run).
     */
    public record SyncIndicatorDefinition(@TargetAggregateIdentifier String indicatorId, List<Target> targets,
                                          String leadAgencyId, String reason, String decisionReference,
                                          LocalDate effectiveDate, boolean preview) {
    }

    /**
     * A reporting deadline came, sent as a command where no scheduler fires it: by the demo loader, which plays the
     * calendar on its simulated clock. Not exposed over HTTP.
     */
    public record NoteReportingDeadline(@TargetAggregateIdentifier String indicatorId, ReportingRules.Deadline deadline) {
    }

    /**
     * This indicator implements {@code implementsIndicatorId} (the plan above's): its figure counts in that one's roll-up,
     * for the periods ending on or after {@code effectiveFrom} (null: every period).
     */
    public record LinkIndicator(@TargetAggregateIdentifier String indicatorId, @TargetAggregateVersion Long expectedVersion,
                                String implementsIndicatorId, BigDecimal weight, String reason, LocalDate effectiveFrom) {

        /** For every period. */
        public LinkIndicator(String indicatorId, Long expectedVersion, String implementsIndicatorId, BigDecimal weight, String reason) {
            this(indicatorId, expectedVersion, implementsIndicatorId, weight, reason, null);
        }
    }

    /** {@code effectiveFrom}: the first period's day it no longer counts (null: no period). */
    public record UnlinkIndicator(@TargetAggregateIdentifier String indicatorId, @TargetAggregateVersion Long expectedVersion, String reason,
                                  LocalDate effectiveFrom) {

        public UnlinkIndicator(String indicatorId, Long expectedVersion, String reason) {
            this(indicatorId, expectedVersion, reason, null);
        }
    }

    /** How this indicator's figure is built from the indicators that implement it. */
    public record DeclareRollUpRule(@TargetAggregateIdentifier String indicatorId, @TargetAggregateVersion Long expectedVersion,
                                    RollUpRule rule, String weightLabel, String reason) {
    }
}
