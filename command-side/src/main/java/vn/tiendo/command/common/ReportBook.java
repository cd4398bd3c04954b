package vn.tiendo.command.common;

import vn.tiendo.events.common.Period;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The reports of one indicator or task and their approval: the one report lifecycle both aggregates keep.
 * A report is a draft until a head approves it (or was sent by one); nobody approves a report they sent or last
 * changed; approving locks its period, after which no other report for that period is taken or approved.
 * <p>
 * One difference, as the plans have it: an indicator's figure for a period is reported once and then only
 * corrected with a reason ({@link PeriodRule#ONE_REPORT_PER_PERIOD}); a task's progress is reported again as work
 * moves on, so a period takes more drafts until one of them is approved ({@link PeriodRule#DRAFTS_UNTIL_APPROVED}).
 *
 * @param <V> what a report says (an indicator's value; nothing for a task)
 */
public final class ReportBook<V> {

    public enum PeriodRule { ONE_REPORT_PER_PERIOD, DRAFTS_UNTIL_APPROVED }

    /** {@code lastChangedBy}: who reported or last corrected it, and therefore may not approve it. */
    public record Report<V>(String reportId, Period period, V value, boolean approved, String lastChangedBy) {
    }

    private final PeriodRule rule;
    private final String recordKind;
    private final Map<String, Report<V>> reports = new HashMap<>();
    private final Set<Period> reportedPeriods = new HashSet<>();
    private final Set<Period> lockedPeriods = new HashSet<>();

    /** @param recordKind "indicator" or "task", for messages */
    public ReportBook(PeriodRule rule, String recordKind) {
        this.rule = rule;
        this.recordKind = recordKind;
    }

    /**
     * Before a new report: its period has begun (the current, unfinished period may be reported: the plans ask for
     * this month's progress before the 20th), its id is new and its period takes another report.
     */
    public void requireNew(String reportId, Period period) {
        LocalDate today = Today.date();
        if (period.start().isAfter(today)) {
            throw new RuleViolation("period", "period " + period + " has not begun (today is " + today + "); report a period from its first day");
        }
        if (rule == PeriodRule.ONE_REPORT_PER_PERIOD && reportedPeriods.contains(period)) {
            throw new StateConflict("period " + period + " is already reported; send a correction with a reason instead");
        }
        if (lockedPeriods.contains(period)) {
            throw new StateConflict("the report for " + period + " is approved; the period is locked");
        }
        if (reports.containsKey(reportId)) {
            throw new StateConflict("report " + reportId + " already exists");
        }
    }

    /** Whether a report for the period has come in (a draft counts: the agency did report). */
    public boolean hasReport(Period period) {
        return reportedPeriods.contains(period);
    }

    public Report<V> require(String reportId) {
        Report<V> report = reports.get(reportId);
        if (report == null) {
            throw new RuleViolation("reportId", "no report " + reportId + " on this " + recordKind);
        }
        return report;
    }

    /** The draft {@code approver} may approve: not yet approved, its period not locked by another, not their own. */
    public Report<V> requireApprovableBy(String reportId, String approver) {
        Report<V> report = require(reportId);
        if (report.approved()) {
            throw new StateConflict("report " + reportId + " is already approved");
        }
        if (lockedPeriods.contains(report.period())) {
            throw new StateConflict("another report for " + report.period() + " is already approved; the period is locked");
        }
        if (approver != null && approver.equals(report.lastChangedBy())) {
            throw new FourEyes(approver + " sent or last corrected report " + reportId + " and may not approve it");
        }
        return report;
    }

    // What the events say happened; called from the aggregates' event sourcing handlers.

    public void reported(String reportId, Period period, V value, String actor) {
        reports.put(reportId, new Report<>(reportId, period, value, false, actor));
        reportedPeriods.add(period);
    }

    public void approved(String reportId) {
        Report<V> r = reports.get(reportId);
        reports.put(reportId, new Report<>(reportId, r.period(), r.value(), true, r.lastChangedBy()));
        lockedPeriods.add(r.period());
    }

    public void corrected(String reportId, V newValue, String actor) {
        Report<V> r = reports.get(reportId);
        reports.put(reportId, new Report<>(reportId, r.period(), newValue, r.approved(), actor));
    }
}
