package vn.tiendo.command.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.tiendo.command.common.Handled;
import vn.tiendo.command.common.Require;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.common.Today;
import vn.tiendo.command.plan.ReportingCommands.DeclareReportingObligation;
import vn.tiendo.command.plan.ReportingCommands.NotePeriodicReportStages;
import vn.tiendo.command.plan.ReportingCommands.SubmitPeriodicReport;
import vn.tiendo.command.plan.ReportingCommands.WithdrawReportingObligation;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.reminder.ReportingRules;
import vn.tiendo.events.plan.PeriodicReportNoticeSent;
import vn.tiendo.events.plan.PeriodicReportSubmitted;
import vn.tiendo.events.plan.PlanRegistered;
import vn.tiendo.events.plan.ReportingObligationDeclared;
import vn.tiendo.events.plan.ReportingObligationWithdrawn;
import vn.tiendo.platform.scope.Scope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A plan document (quyết định, kế hoạch) that indicators and tasks belong to. Drafts in circulation often lack
 * their number or date ("Số: /KH-SKHCN"), so the date may be missing and the number is kept as written.
 * It also holds the plan's reporting duties (who sends a periodic report to whom, how often, by which day) and
 * records each periodic report sent under them, once per duty, period and agency.
 */
@Aggregate
public class Plan {

    @AggregateIdentifier
    private String planId;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private final Map<String, ReportingObligationDeclared> obligations = new HashMap<>();
    private final Set<String> withdrawn = new HashSet<>();
    private final Set<String> submitted = new HashSet<>();
    private final Set<String> noticed = new HashSet<>();

    /** The name Axon's deadline manager knows the plan's reporting-duty deadlines by. */
    public static final String DEADLINE = "periodic-report-stage";

    /** The payload of the plan's pending deadline: when the stage comes. */
    public record StageDue(Instant at) {
    }

    protected Plan() {
    }

    @CommandHandler
    public Plan(RegisterPlan command) {
        Require.notBlank(command.planId(), "planId");
        Require.notBlank(command.documentNumber(), "documentNumber");
        Require.notBlank(command.issuer(), "issuer");
        Require.notBlank(command.title(), "title");
        Require.notNull(command.periodStart(), "periodStart");
        Require.notNull(command.periodEnd(), "periodEnd");
        Require.that(!command.periodEnd().isBefore(command.periodStart()), "periodEnd", "periodEnd must not be before periodStart");
        apply(new PlanRegistered(command.planId(), command.documentNumber(), command.issuedOn(), command.issuer(),
                command.title(), command.periodStart(), command.periodEnd()));
    }

    @CommandHandler
    public Handled handle(DeclareReportingObligation command, DeadlineManager deadlines, ReportingRules rules) {
        Require.notBlank(command.obligationId(), "obligationId");
        Require.notBlank(command.recipientAgencyId(), "recipientAgencyId");
        Require.notNull(command.cycle(), "cycle");
        Require.notBlank(command.asWritten(), "asWritten");
        Require.that(command.dueDay() >= 1 && command.dueDay() <= 31, "dueDay", "dueDay must be a day of the month, 1-31");
        Require.that(Math.abs(command.dueMonthOffset()) <= 11, "dueMonthOffset", "dueMonthOffset must be between -11 and 11 months");
        Require.that(!command.recipientAgencyId().equals(command.reporterAgencyId()), "recipientAgencyId",
                "an agency does not report to itself");
        if (obligations.containsKey(command.obligationId())) {
            throw new StateConflict("plan " + planId + " already has reporting duty " + command.obligationId());
        }
        apply(new ReportingObligationDeclared(planId, command.obligationId(), command.reporterAgencyId(), command.recipientAgencyId(),
                command.cycle(), command.dueDay(), command.dueMonthOffset(), command.asWritten()));
        reschedule(deadlines, rules, GenericEventMessage.clock.instant());
        return Handled.applied();
    }

    /**
     * A stage of the duties' calendar came (the plan keeps one pending deadline, for the earliest next stage of any
     * of its duties): each agency that still owes a report is told, once per stage, as an event; then the next stage
     * is scheduled, after this one's time whatever the clock says, so a deadline never schedules itself again.
     */
    @DeadlineHandler(deadlineName = DEADLINE)
    void on(StageDue due, DeadlineManager deadlines, ReportingRules rules, Registry registry) {
        Instant now = GenericEventMessage.clock.instant();
        noteStages(rules, registry, now);
        reschedule(deadlines, rules, now.isAfter(due.at()) ? now : due.at());
    }

    /** The same stages noted by the demo loader, which plays the calendar on its simulated clock. Not exposed over HTTP. */
    @CommandHandler
    public Handled handle(NotePeriodicReportStages command, ReportingRules rules, Registry registry) {
        return Handled.applied(noteStages(rules, registry, GenericEventMessage.clock.instant()));
    }

    private int noteStages(ReportingRules rules, Registry registry, Instant now) {
        int notices = 0;
        for (DutyCalendar.Step step : DutyCalendar.current(DutyCalendar.stages(activeDuties(), periodStart, periodEnd, rules), now)) {
            ReportingObligationDeclared duty = step.duty();
            List<String> reporters = duty.reporterAgencyId() != null ? List.of(duty.reporterAgencyId()) : registry.leadAgenciesOf(planId);
            for (String agency : reporters) {
                String report = key(duty.obligationId(), step.period().code(), agency);
                if (!submitted.contains(report) && !noticed.contains(report + "|" + step.stage())) {
                    apply(new PeriodicReportNoticeSent(planId, duty.obligationId(), step.period(), agency, step.stage().name(), step.due(),
                            rules.notices(step.stage(), agency)));
                    notices++;
                }
            }
        }
        return notices;
    }

    private void reschedule(DeadlineManager deadlines, ReportingRules rules, Instant after) {
        deadlines.cancelAllWithinScope(DEADLINE);
        DutyCalendar.next(DutyCalendar.stages(activeDuties(), periodStart, periodEnd, rules), after)
                .ifPresent(at -> deadlines.schedule(at, DEADLINE, new StageDue(at)));
    }

    private List<ReportingObligationDeclared> activeDuties() {
        return obligations.values().stream().filter(d -> !withdrawn.contains(d.obligationId()))
                .sorted(Comparator.comparing(ReportingObligationDeclared::obligationId)).toList();
    }

    @CommandHandler
    public Handled handle(WithdrawReportingObligation command) {
        Require.notBlank(command.reason(), "reason");
        requireActive(command.obligationId());
        apply(new ReportingObligationWithdrawn(planId, command.obligationId(), command.reason()));
        return Handled.applied();
    }

    /** Officers and heads send their own agency's report (a head: or one below it); the coordinator any. */
    @CommandHandler
    public Handled handle(SubmitPeriodicReport command, @MetaDataValue(Scope.METADATA) String scope) {
        Require.notBlank(command.agencyId(), "agencyId");
        Require.notNull(command.period(), "period");
        Require.validEvidence(command.evidence(), "evidence");
        Require.that(!Require.orEmpty(command.evidence()).isEmpty(), "evidence", "a periodic report names its document or file");
        ReportingObligationDeclared duty = requireActive(command.obligationId());
        Scope.fromMetadata(scope).requireActsOn(command.agencyId(), planId);
        Require.that(duty.reporterAgencyId() == null || duty.reporterAgencyId().equals(command.agencyId()), "agencyId",
                "duty " + duty.obligationId() + " is " + duty.reporterAgencyId() + "'s to report, not " + command.agencyId() + "'s");
        Require.that(duty.cycle().fits(command.period()), "period",
                "duty " + duty.obligationId() + " is " + duty.cycle() + ": " + command.period() + " is not one of its periods");
        Require.that(command.period().within(periodStart, periodEnd), "period",
                command.period() + " is outside the plan's period " + periodStart + " to " + periodEnd);
        Require.that(!command.period().start().isAfter(Today.date()), "period", command.period() + " has not begun");
        String key = key(command.obligationId(), command.period().code(), command.agencyId());
        if (submitted.contains(key)) {
            throw new StateConflict(command.agencyId() + " already sent its " + command.period() + " report under duty " + command.obligationId());
        }
        apply(new PeriodicReportSubmitted(planId, command.obligationId(), command.period(), command.agencyId(), command.note(),
                Require.orEmpty(command.evidence())));
        return Handled.applied();
    }

    private ReportingObligationDeclared requireActive(String obligationId) {
        Require.notBlank(obligationId, "obligationId");
        ReportingObligationDeclared duty = obligations.get(obligationId);
        if (duty == null) {
            throw new RuleViolation("obligationId", "plan " + planId + " has no reporting duty " + obligationId);
        }
        if (withdrawn.contains(obligationId)) {
            throw new StateConflict("reporting duty " + obligationId + " was withdrawn");
        }
        return duty;
    }

    private static String key(String obligationId, String period, String agencyId) {
        return obligationId + "|" + period + "|" + agencyId;
    }

    @EventSourcingHandler
    void on(PlanRegistered event) {
        planId = event.planId();
        periodStart = event.periodStart();
        periodEnd = event.periodEnd();
    }

    @EventSourcingHandler
    void on(ReportingObligationDeclared event) {
        obligations.put(event.obligationId(), event);
    }

    @EventSourcingHandler
    void on(ReportingObligationWithdrawn event) {
        withdrawn.add(event.obligationId());
    }

    @EventSourcingHandler
    void on(PeriodicReportSubmitted event) {
        submitted.add(key(event.obligationId(), event.period().code(), event.agencyId()));
    }

    @EventSourcingHandler
    void on(PeriodicReportNoticeSent event) {
        noticed.add(key(event.obligationId(), event.period().code(), event.agencyId()) + "|" + event.stage());
    }
}
