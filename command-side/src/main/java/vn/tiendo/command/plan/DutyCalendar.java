package vn.tiendo.command.plan;

import vn.tiendo.command.reminder.ReportingRules;
import vn.tiendo.command.reminder.ReportingRules.Stage;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.plan.ReportingCycle;
import vn.tiendo.events.plan.ReportingObligationDeclared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reminder stages of a plan's reporting duties on the calendar ({@link ReportingRules}: a reminder days before
 * the due day, "overdue" the day after, escalation days later, at the configured hour): which stages speak for
 * themselves at a moment, and when the next one comes. A stage stays current until the next stage of the same
 * report comes (the escalation for {@link #ESCALATION_LASTS}), so a long outage does not send stale reminders.
 */
final class DutyCalendar {

    static final Duration ESCALATION_LASTS = Duration.ofDays(30);

    /** One stage of one period's report under one duty. */
    record Step(ReportingObligationDeclared duty, Period period, LocalDate due, Stage stage, Instant at, Instant until) {
    }

    private DutyCalendar() {
    }

    static List<Step> stages(Collection<ReportingObligationDeclared> duties, LocalDate planStart, LocalDate planEnd, ReportingRules rules) {
        List<Step> all = new ArrayList<>();
        for (ReportingObligationDeclared duty : duties) {
            for (Period period : duty.cycle().periods(planStart, planEnd)) {
                if (!period.within(planStart, planEnd)) {
                    continue;
                }
                LocalDate due = ReportingCycle.dueDate(period, duty.dueDay(), duty.dueMonthOffset());
                Stage[] stages = Stage.values();
                for (int i = 0; i < stages.length; i++) {
                    Instant at = rules.time(due, stages[i]);
                    Instant until = i + 1 < stages.length ? rules.time(due, stages[i + 1]) : at.plus(ESCALATION_LASTS);
                    all.add(new Step(duty, period, due, stages[i], at, until));
                }
            }
        }
        all.sort(Comparator.comparing(Step::at));
        return all;
    }

    /** The stages that have come by {@code now} and still speak for themselves. */
    static List<Step> current(List<Step> stages, Instant now) {
        return stages.stream().filter(s -> !s.at().isAfter(now) && now.isBefore(s.until())).toList();
    }

    /** The first stage's time after {@code after}. */
    static Optional<Instant> next(List<Step> stages, Instant after) {
        return stages.stream().map(Step::at).filter(at -> at.isAfter(after)).findFirst();
    }
}
