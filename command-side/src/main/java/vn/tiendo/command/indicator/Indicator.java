package vn.tiendo.command.indicator;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import vn.tiendo.command.common.FourEyes;
import vn.tiendo.command.common.Handled;
import vn.tiendo.command.common.ReportBook;
import vn.tiendo.command.common.Require;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.indicator.IndicatorCommands.AcceptIndicatorCorrection;
import vn.tiendo.command.indicator.IndicatorCommands.ApproveIndicatorReport;
import vn.tiendo.command.indicator.IndicatorCommands.CorrectIndicatorProgress;
import vn.tiendo.command.indicator.IndicatorCommands.DeclareRollUpRule;
import vn.tiendo.command.indicator.IndicatorCommands.LinkIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.UnlinkIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.NoteReportingDeadline;
import vn.tiendo.command.indicator.IndicatorCommands.ReassignIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.RejectIndicatorCorrection;
import vn.tiendo.command.indicator.IndicatorCommands.ReportIndicatorProgress;
import vn.tiendo.command.indicator.IndicatorCommands.ReviseIndicatorTarget;
import vn.tiendo.command.indicator.IndicatorCommands.SyncIndicatorDefinition;
import vn.tiendo.command.reminder.ReportingRules;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.common.Notice;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.indicator.IndicatorCorrectionAccepted;
import vn.tiendo.events.indicator.IndicatorCorrectionProposed;
import vn.tiendo.events.indicator.IndicatorCorrectionRejected;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.indicator.IndicatorLinked;
import vn.tiendo.events.indicator.IndicatorMonitoringReassigned;
import vn.tiendo.events.indicator.IndicatorUnlinked;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.events.indicator.RollUpRuleDeclared;
import vn.tiendo.events.indicator.IndicatorProgressCorrected;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.events.indicator.IndicatorReassigned;
import vn.tiendo.events.indicator.IndicatorReportApproved;
import vn.tiendo.events.indicator.IndicatorTargetRevised;
import vn.tiendo.events.indicator.ReportEscalated;
import vn.tiendo.events.indicator.ReportOverdue;
import vn.tiendo.events.indicator.ReportReminderSent;
import vn.tiendo.platform.scope.Scope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An indicator (chỉ tiêu) of a plan. It keeps just what its rules need: how it is measured, the plan's period,
 * its targets, its lead agency and the reports made so far.
 */
@Aggregate
public class Indicator {

    @AggregateIdentifier
    private String indicatorId;
    private Measure measure;
    private LocalDate planStart;
    private LocalDate planEnd;
    private String leadAgencyId;
    private String monitoringAgencyId;
    private Direction direction;
    private final Map<Period, Target> targets = new HashMap<>();
    private final ReportBook<MeasuredValue> reports = new ReportBook<>(ReportBook.PeriodRule.ONE_REPORT_PER_PERIOD, "indicator");

    private final PendingCorrections pendingCorrections = new PendingCorrections();
    /** The indicator of the plan above that this one implements (null: none), with its weight there. */
    private String implementsId;
    private BigDecimal implementsWeight;
    private LocalDate implementsFrom;
    /** How this indicator's figure is built from those implementing it (null: it is not rolled up). */
    private RollUpRule rollUpRule;
    private String rollUpWeightLabel;
    /** Reporting deadlines whose notices went out: handled once, however often they fire. */
    private final Set<ReportingRules.Deadline> handledDeadlines = new HashSet<>();

    protected Indicator() {
    }

    @CommandHandler
    public Indicator(DefineIndicator command, DeadlineManager deadlines, ReportingRules rules) {
        Require.notBlank(command.indicatorId(), "indicatorId");
        Require.notBlank(command.planId(), "planId");
        Require.notBlank(command.code(), "code");
        Require.notBlank(command.name(), "name");
        Require.notNull(command.measure(), "measure");
        Require.notNull(command.measure().kind(), "measure.kind");
        Require.that(command.measure().kind() != MeasureKind.LEVEL || !command.measure().levels().isEmpty(),
                "measure.levels", "a LEVEL indicator needs its levels, lowest first");
        Require.notNull(command.direction(), "direction");
        Require.notBlank(command.leadAgencyId(), "leadAgencyId");
        Require.notBlank(command.monitoringAgencyId(), "monitoringAgencyId");
        Require.notNull(command.planStart(), "planStart");
        Require.notNull(command.planEnd(), "planEnd");
        if (command.baseline() != null) {
            Require.fits(command.measure(), command.baseline(), "baseline");
        }
        List<Target> targets = command.targets() == null ? List.of() : command.targets();
        Set<Period> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            checkTarget(targets.get(i), command.measure(), command.direction(), "targets[" + i + "]");
            Require.that(seen.add(targets.get(i).period()), "targets[" + i + "].period", "two targets for the same period");
        }
        apply(new IndicatorDefined(command.indicatorId(), command.planId(), command.code(), command.name(), command.unit(),
                command.measure(), command.direction(), command.baseline(), command.baselineAsWritten(), List.copyOf(targets),
                command.leadAgencyId(), command.monitoringAgencyId(), command.planStart(), command.planEnd(),
                Require.orEmpty(command.groupPath())));
        if (command.share() != null) {
            takeShare(command.indicatorId(), command.share(), command.measure().kind(), command.leadAgencyId());
        }
        // the aggregate is not yet in scope while it is being created: its scope is named explicitly
        nextDeadline(rules, command.planStart(), command.planEnd()).ifPresent(next -> deadlines.schedule(rules.time(next), ReportingRules.DEADLINE, next,
                new AggregateScopeDescriptor(Indicator.class.getSimpleName(), command.indicatorId())));
    }

    /**
     * A row assigned to a group: the owner's indicator rolls its members' shares up, each member's implements it.
     * Called while the indicator is created, before its own events are applied to it: its id comes as an argument.
     */
    private static void takeShare(String indicatorId, IndicatorCommands.Share share, MeasureKind kind, String leadAgencyId) {
        Require.notBlank(share.groupId(), "share.groupId");
        if (share.partOfIndicatorId() != null) {
            Require.that(!share.partOfIndicatorId().equals(indicatorId), "share.partOfIndicatorId", "an indicator cannot implement itself");
            apply(new IndicatorLinked(indicatorId, share.partOfIndicatorId(), null,
                    "phần của " + leadAgencyId + " trong chỉ tiêu giao chung cho " + share.groupName()));
        }
        if (share.rule() != null) {
            Require.that(ruleFits(share.rule(), kind), "share.rule", share.rule() + " does not give a " + kind + " figure");
            apply(new RollUpRuleDeclared(indicatorId, share.rule(), null, "giao chung cho " + share.groupName() + ": tổng hợp từ phần của từng thành viên"));
        }
    }

    /**
     * A stage of the reporting calendar came: if the month is still unreported and this stage has not been handled
     * (a deadline may fire twice after a crash), the notices go out as an event; then the next stage is scheduled,
     * the only one pending for this indicator.
     */
    @DeadlineHandler(deadlineName = ReportingRules.DEADLINE)
    void on(ReportingRules.Deadline deadline, DeadlineManager deadlines, ReportingRules rules) {
        Instant now = GenericEventMessage.clock.instant();
        noteDeadline(deadline, rules, now);
        // the next one after this one's time, whatever the clock says: a deadline never schedules itself again
        Instant after = now.isAfter(rules.time(deadline)) ? now : rules.time(deadline);
        deadlines.cancelAllWithinScope(ReportingRules.DEADLINE);
        rules.next(YearMonth.from(planStart), YearMonth.from(planEnd), after)
                .ifPresent(next -> deadlines.schedule(rules.time(next), ReportingRules.DEADLINE, next));
    }

    /** The same stage noted by the demo loader, which plays the calendar on its simulated clock. */
    @CommandHandler
    public Handled handle(NoteReportingDeadline command, ReportingRules rules) {
        noteDeadline(command.deadline(), rules, GenericEventMessage.clock.instant());
        return Handled.applied();
    }

    private void noteDeadline(ReportingRules.Deadline deadline, ReportingRules rules, Instant now) {
        if (rules.current(deadline, now) && !reports.hasReport(deadline.period()) && !handledDeadlines.contains(deadline)) {
            LocalDate due = rules.dueDate(deadline.period());
            List<Notice> notices = rules.notices(deadline.stage(), leadAgencyId);
            apply(switch (deadline.stage()) {
                case REMINDER -> new ReportReminderSent(indicatorId, deadline.period(), due, leadAgencyId, notices);
                case OVERDUE -> new ReportOverdue(indicatorId, deadline.period(), due, leadAgencyId, notices);
                case ESCALATION -> new ReportEscalated(indicatorId, deadline.period(), due, leadAgencyId, notices);
            });
        }
    }

    private static Optional<ReportingRules.Deadline> nextDeadline(ReportingRules rules, LocalDate from, LocalDate to) {
        return rules.next(YearMonth.from(from), YearMonth.from(to), GenericEventMessage.clock.instant());
    }

    /** Officers and heads act only on indicators their agency (a head: or one below it) leads now. */
    @CommandHandlerInterceptor
    void actOnlyWithinScope(Object command, @MetaDataValue(Scope.METADATA) String scope) {
        Scope.fromMetadata(scope).requireActsOn(leadAgencyId, indicatorId);
    }

    @CommandHandler
    public Handled handle(ReviseIndicatorTarget command) {
        Require.notNull(command.newTarget(), "newTarget");
        checkTarget(command.newTarget(), measure, direction, "newTarget");
        Require.notBlank(command.reason(), "reason");
        Target old = targets.get(command.newTarget().period());
        if (command.newTarget().equals(old)) {
            throw new StateConflict("the target for " + old.period() + " is already " + old.asWritten());
        }
        apply(new IndicatorTargetRevised(indicatorId, command.newTarget().period(), old, command.newTarget(),
                command.reason(), command.decisionReference()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(ReassignIndicator command) {
        Require.notBlank(command.toAgencyId(), "toAgencyId");
        Require.notBlank(command.reason(), "reason");
        Require.notNull(command.effectiveDate(), "effectiveDate");
        Require.that(!command.toAgencyId().equals(leadAgencyId), "toAgencyId", "the indicator is already assigned to " + leadAgencyId);
        apply(new IndicatorReassigned(indicatorId, leadAgencyId, command.toAgencyId(), command.reason(), command.effectiveDate()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(IndicatorCommands.ReassignMonitoring command) {
        Require.notBlank(command.toAgencyId(), "toAgencyId");
        Require.notBlank(command.reason(), "reason");
        Require.notNull(command.effectiveDate(), "effectiveDate");
        Require.that(!command.toAgencyId().equals(monitoringAgencyId), "toAgencyId", "the indicator is already monitored by " + monitoringAgencyId);
        apply(new IndicatorMonitoringReassigned(indicatorId, monitoringAgencyId, command.toAgencyId(), command.reason(), command.effectiveDate()));
        return Handled.applied();
    }

    /** One indicator above at a time: linking to another needs an unlink first; the same link again changes only its weight. */
    @CommandHandler
    public Handled handle(LinkIndicator command) {
        Require.notBlank(command.implementsIndicatorId(), "implementsIndicatorId");
        Require.that(!command.implementsIndicatorId().equals(indicatorId), "implementsIndicatorId", "an indicator cannot implement itself");
        Require.that(command.weight() == null || command.weight().signum() > 0, "weight", "a weight is a positive number");
        if (implementsId != null && !implementsId.equals(command.implementsIndicatorId())) {
            throw new StateConflict(indicatorId + " already implements " + implementsId + "; unlink it first");
        }
        if (command.implementsIndicatorId().equals(implementsId) && sameNumber(command.weight(), implementsWeight)
                && Objects.equals(command.effectiveFrom(), implementsFrom)) {
            return Handled.applied(0);
        }
        apply(new IndicatorLinked(indicatorId, command.implementsIndicatorId(), command.weight(), command.reason(), command.effectiveFrom()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(UnlinkIndicator command) {
        Require.notBlank(command.reason(), "reason");
        if (implementsId == null) {
            throw new StateConflict(indicatorId + " implements no indicator");
        }
        Require.that(command.effectiveFrom() == null || implementsFrom == null || command.effectiveFrom().isAfter(implementsFrom), "effectiveFrom",
                "the link counts from " + implementsFrom + "; it can end only after that");
        apply(new IndicatorUnlinked(indicatorId, implementsId, command.reason(), command.effectiveFrom()));
        return Handled.applied();
    }

    /**
     * A rule fits the indicator's own measure: sums, weighted averages and minimums give a figure of its kind (a
     * number), all-achieved gives Đạt / Chưa đạt, the share achieving a percentage.
     */
    @CommandHandler
    public Handled handle(DeclareRollUpRule command) {
        Require.notNull(command.rule(), "rule");
        MeasureKind kind = measure.kind();
        Require.that(ruleFits(command.rule(), kind), "rule", command.rule() + " does not give a " + kind + " figure");
        if (command.rule() == rollUpRule && Objects.equals(command.weightLabel(), rollUpWeightLabel)) {
            return Handled.applied(0);
        }
        apply(new RollUpRuleDeclared(indicatorId, command.rule(), command.weightLabel(), command.reason()));
        return Handled.applied();
    }

    private static boolean ruleFits(RollUpRule rule, MeasureKind kind) {
        return switch (rule) {
            case SUM, WEIGHTED_AVERAGE, MINIMUM -> List.of(MeasureKind.PERCENT, MeasureKind.COUNT, MeasureKind.SCORE, MeasureKind.MONEY).contains(kind);
            case ALL_ACHIEVED -> kind == MeasureKind.PASS_FAIL;
            case SHARE_ACHIEVING -> kind == MeasureKind.PERCENT;
        };
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @CommandHandler
    public Handled handle(ReportIndicatorProgress command) {
        Require.notBlank(command.reportId(), "reportId");
        Require.notNull(command.period(), "period");
        Require.that(command.period().within(planStart, planEnd), "period",
                "period " + command.period() + " is outside the plan (" + planStart + " to " + planEnd + ")");
        Require.fits(measure, command.value(), "value");
        Require.validEvidence(command.evidence(), "evidence");
        reports.requireNew(command.reportId(), command.period());
        apply(new IndicatorProgressReported(indicatorId, command.reportId(), command.period(), command.value(),
                command.note(), Require.orEmpty(command.evidence())));
        if (command.approved()) {
            apply(new IndicatorReportApproved(indicatorId, command.reportId(), command.period()));
        }
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(ApproveIndicatorReport command, @MetaDataValue(MetadataKeys.ACTOR) String approver) {
        ReportBook.Report<MeasuredValue> report = reports.requireApprovableBy(command.reportId(), approver);
        apply(new IndicatorReportApproved(indicatorId, command.reportId(), report.period()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(AcceptIndicatorCorrection command, @MetaDataValue(MetadataKeys.ACTOR) String acceptor) {
        PendingCorrections.Proposal proposal = pendingCorrections.require(command.proposalId());
        if (acceptor != null && acceptor.equals(proposal.proposedBy())) {
            throw new FourEyes(acceptor + " proposed correction " + command.proposalId() + " and may not accept it");
        }
        ReportBook.Report<MeasuredValue> report = reports.require(proposal.reportId());
        apply(new IndicatorCorrectionAccepted(indicatorId, command.proposalId(), proposal.reportId(), report.period()));
        apply(new IndicatorProgressCorrected(indicatorId, proposal.reportId(), report.period(), report.value(), proposal.newValue(),
                proposal.reason(), proposal.evidence()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(RejectIndicatorCorrection command) {
        Require.notBlank(command.reason(), "reason");
        PendingCorrections.Proposal proposal = pendingCorrections.require(command.proposalId());
        apply(new IndicatorCorrectionRejected(indicatorId, command.proposalId(), proposal.reportId(),
                reports.require(proposal.reportId()).period(), command.reason()));
        return Handled.applied();
    }

    /** A draft is corrected at once; an approved report gets a proposal that waits for the coordinator. */
    @CommandHandler
    public Handled handle(CorrectIndicatorProgress command) {
        ReportBook.Report<MeasuredValue> report = reports.require(command.reportId());
        Require.fits(measure, command.newValue(), "newValue");
        Require.notBlank(command.reason(), "reason");
        Require.validEvidence(command.evidence(), "evidence");
        if (Objects.equals(report.value(), command.newValue())) {
            throw new StateConflict("report " + command.reportId() + " already has this value");
        }
        if (!report.approved()) {
            apply(new IndicatorProgressCorrected(indicatorId, command.reportId(), report.period(), report.value(),
                    command.newValue(), command.reason(), Require.orEmpty(command.evidence())));
            return Handled.applied();
        }
        Require.notBlank(command.proposalId(), "proposalId");
        pendingCorrections.requireNoneFor(command.reportId());
        apply(new IndicatorCorrectionProposed(indicatorId, command.proposalId(), command.reportId(), report.period(), report.value(),
                command.newValue(), command.reason(), Require.orEmpty(command.evidence())));
        return Handled.proposed(command.proposalId());
    }

    @CommandHandler
    public Handled handle(SyncIndicatorDefinition command) {
        Require.notBlank(command.reason(), "reason");
        List<RecordEvent> changes = new ArrayList<>();
        for (Target target : Require.orEmpty(command.targets())) {
            checkTarget(target, measure, direction, "targets");
            Target old = targets.get(target.period());
            if (!target.equals(old)) {
                changes.add(new IndicatorTargetRevised(indicatorId, target.period(), old, target, command.reason(), command.decisionReference()));
            }
        }
        if (command.leadAgencyId() != null && !command.leadAgencyId().equals(leadAgencyId)) {
            changes.add(new IndicatorReassigned(indicatorId, leadAgencyId, command.leadAgencyId(), command.reason(), command.effectiveDate()));
        }
        return Handled.applyUnlessPreview(changes, command.preview());
    }

    /**
     * A target fits the measure, and its comparator agrees with the indicator's direction: a rising indicator has
     * floors (≥, >) or an exact goal, a falling one ceilings (≤, <) or an exact goal; one to maintain takes any.
     * The status rules read the way to go from the comparator, so a disagreeing pair would be judged backwards.
     */
    private static void checkTarget(Target target, Measure measure, Direction direction, String field) {
        Require.notNull(target, field);
        Require.notNull(target.period(), field + ".period");
        Require.notNull(target.comparator(), field + ".comparator");
        Require.fits(measure, target.value(), field + ".value");
        Comparator comparator = target.comparator();
        boolean agrees = switch (direction) {
            case INCREASE -> !comparator.lowerIsBetter();
            case DECREASE -> comparator == Comparator.EQ || comparator.lowerIsBetter();
            case MAINTAIN -> true;
        };
        Require.that(agrees, field + ".comparator", "a target " + comparator.symbol() + " does not fit an indicator whose direction is "
                + direction + (direction == Direction.INCREASE ? " (use >=, > or =)" : " (use <=, < or =)"));
    }

    @EventSourcingHandler
    void on(IndicatorLinked event) {
        implementsId = event.implementsIndicatorId();
        implementsWeight = event.weight();
        implementsFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(IndicatorUnlinked event) {
        implementsId = null;
        implementsWeight = null;
        implementsFrom = null;
    }

    @EventSourcingHandler
    void on(RollUpRuleDeclared event) {
        rollUpRule = event.rule();
        rollUpWeightLabel = event.weightLabel();
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicatorId = event.indicatorId();
        measure = event.measure();
        planStart = event.planStart();
        planEnd = event.planEnd();
        leadAgencyId = event.leadAgencyId();
        monitoringAgencyId = event.monitoringAgencyId();
        direction = event.direction();
        event.targets().forEach(t -> targets.put(t.period(), t));
    }

    @EventSourcingHandler
    void on(ReportReminderSent event) {
        handledDeadlines.add(new ReportingRules.Deadline(event.period(), ReportingRules.Stage.REMINDER));
    }

    @EventSourcingHandler
    void on(ReportOverdue event) {
        handledDeadlines.add(new ReportingRules.Deadline(event.period(), ReportingRules.Stage.OVERDUE));
    }

    @EventSourcingHandler
    void on(ReportEscalated event) {
        handledDeadlines.add(new ReportingRules.Deadline(event.period(), ReportingRules.Stage.ESCALATION));
    }

    @EventSourcingHandler
    void on(IndicatorTargetRevised event) {
        targets.put(event.period(), event.newTarget());
    }

    @EventSourcingHandler
    void on(IndicatorMonitoringReassigned event) {
        monitoringAgencyId = event.toAgencyId();
    }

    @EventSourcingHandler
    void on(IndicatorReassigned event) {
        leadAgencyId = event.toAgencyId();
    }

    @EventSourcingHandler
    void on(IndicatorProgressReported event, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        reports.reported(event.reportId(), event.period(), event.value(), actor);
    }

    @EventSourcingHandler
    void on(IndicatorReportApproved event) {
        reports.approved(event.reportId());
    }

    @EventSourcingHandler
    void on(IndicatorProgressCorrected event, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        reports.corrected(event.reportId(), event.newValue(), actor);
    }

    @EventSourcingHandler
    void on(IndicatorCorrectionProposed event, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        pendingCorrections.proposed(event.proposalId(), new PendingCorrections.Proposal(event.reportId(), event.newValue(), event.reason(),
                event.evidence(), actor));
    }

    @EventSourcingHandler
    void on(IndicatorCorrectionAccepted event) {
        pendingCorrections.decided(event.proposalId());
    }

    @EventSourcingHandler
    void on(IndicatorCorrectionRejected event) {
        pendingCorrections.decided(event.proposalId());
    }
}
