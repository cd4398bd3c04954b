package vn.tiendo.query.status;

import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.common.TaskDeadline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The status rules, in one place. Pure functions of the recorded facts and the date "today" (from the injected
 * clock), so the same history and clock always give the same status. README.md states the same rules in prose.
 */
public final class StatusRules {

    private StatusRules() {
    }

    /** What an indicator's value says against its target. {@code expected} is the linear path's value, when there is one. */
    public record Assessment(IndicatorStatus status, Target target, BigDecimal expected) {
    }

    /**
     * The target in force for a period: the target of the earliest target period that ends on or after the period's
     * end (a month of 2026 is judged against the 2030 target when the plan sets only 2025 and 2030); after the last
     * target period, the last target. Empty when the indicator has no targets.
     */
    public static Optional<Target> targetInForce(List<Target> targets, Period period) {
        Optional<Target> upcoming = targets.stream()
                .filter(t -> !t.period().end().isBefore(period.end()))
                .min(java.util.Comparator.comparing((Target t) -> t.period().end()));
        return upcoming.isPresent() ? upcoming
                : targets.stream().max(java.util.Comparator.comparing((Target t) -> t.period().end()));
    }

    /**
     * Assesses an indicator's value reported for {@code period} (null value: nothing reported) on the date {@code today}
     * against the target in force for that period ({@link #judge}).
     */
    public static Assessment assess(Measure measure, MeasuredValue baseline, List<Target> targets, LocalDate planStart,
                                    Period period, MeasuredValue value, LocalDate today) {
        Optional<Target> inForce = targetInForce(targets, period);
        if (inForce.isEmpty()) {
            return new Assessment(IndicatorStatus.NOT_ASSESSED, null, null);
        }
        return judge(measure, baseline, targets, inForce.get(), planStart, period, value, today);
    }

    /**
     * An indicator's status as the lists show it: the value of its latest reported period assessed on {@code today}
     * ({@link #assess}); with nothing reported ({@code latestReported} null), no value for the month of {@code today}.
     */
    public static Assessment latest(Measure measure, MeasuredValue baseline, List<Target> targets, LocalDate planStart,
                                    Period latestReported, MeasuredValue value, LocalDate today) {
        Period period = latestReported != null ? latestReported : Period.month(YearMonth.from(today));
        return assess(measure, baseline, targets, planStart, period, value, today);
    }

    /**
     * A status for every day: {@code byDeadline} up to and including {@code deadline}, {@code afterDeadline} from the
     * day after it (no deadline: {@code byDeadline} on every day). The rules read the day only to ask whether a
     * deadline has passed — the period of the target judged against, a task's due date — so between two events a
     * status changes at most once. The projections keep it with each row, and lists filter and count by status in SQL.
     */
    public record StatusSpan<S extends Enum<S>>(S byDeadline, LocalDate deadline, S afterDeadline) {

        public S on(LocalDate day) {
            return deadline != null && day.isAfter(deadline) ? afterDeadline : byDeadline;
        }
    }

    /**
     * {@link #latest} on every day, until an event changes what it reads. Its deadline is the end of the target in
     * force for the reported period; with nothing reported, of the last target (the month judged moves with the day,
     * and its target's period ends on or after it until the last target's has ended).
     */
    public static StatusSpan<IndicatorStatus> latestSpan(Measure measure, MeasuredValue baseline, List<Target> targets, LocalDate planStart,
                                                         Period latestReported, MeasuredValue value) {
        Optional<Target> judgedAgainst = latestReported != null ? targetInForce(targets, latestReported)
                : targets.stream().max(java.util.Comparator.comparing((Target t) -> t.period().end()));
        if (judgedAgainst.isEmpty()) {
            return new StatusSpan<>(IndicatorStatus.NOT_ASSESSED, null, IndicatorStatus.NOT_ASSESSED);
        }
        LocalDate deadline = judgedAgainst.get().period().end();
        return new StatusSpan<>(latest(measure, baseline, targets, planStart, latestReported, value, deadline).status(), deadline,
                latest(measure, baseline, targets, planStart, latestReported, value, deadline.plusDays(1)).status());
    }

    /** Whether a value satisfies a target on its own (no path, no deadline); empty when the two cannot be compared. */
    public static Optional<Boolean> meets(Measure measure, MeasuredValue value, Target target) {
        if (value == null || target == null || measure.kind() == MeasureKind.TEXT || target.value() instanceof MeasuredValue.Text) {
            return Optional.empty();
        }
        return compare(measure, value, target.value()).map(c -> target.comparator().holds(c));
    }

    /**
     * Judges a value reported for {@code period} against one {@code target} on the date {@code today}:
     * <ol>
     *   <li>a TEXT measure or target: NOT_ASSESSED (people judge free text);</li>
     *   <li>no value: OVERDUE if the target's period has ended, else NO_DATA;</li>
     *   <li>the value meets the target under its comparator (≥ ≤ = > <; a ratio by its quotient, a level by its rank,
     *       pass/fail with Đạt above Chưa đạt): ACHIEVED;</li>
     *   <li>the target's period has ended (today is after its last day): OVERDUE;</li>
     *   <li>numeric measures: ON_TRACK if the value is on or beyond the path to the target, evaluated at the end of
     *       the reported period, else BEHIND. The path runs through every milestone in order: from the previous
     *       target (its value at the end of its period) or, before the first one, from the baseline at the plan's
     *       start (0 for rising targets without a baseline; a ceiling (≤, <) without a baseline has no path and is
     *       BEHIND while not met);</li>
     *   <li>pass/fail and level measures not yet met: BEHIND.</li>
     * </ol>
     */
    public static Assessment judge(Measure measure, MeasuredValue baseline, List<Target> targets, Target target, LocalDate planStart,
                                   Period period, MeasuredValue value, LocalDate today) {
        if (measure.kind() == MeasureKind.TEXT || target.value() instanceof MeasuredValue.Text) {
            return new Assessment(IndicatorStatus.NOT_ASSESSED, target, null);
        }
        boolean deadlinePassed = today.isAfter(target.period().end());
        if (value == null) {
            return new Assessment(deadlinePassed ? IndicatorStatus.OVERDUE : IndicatorStatus.NO_DATA, target, null);
        }
        Optional<Integer> comparison = compare(measure, value, target.value());
        if (comparison.isEmpty()) {
            return new Assessment(IndicatorStatus.NOT_ASSESSED, target, null);
        }
        if (target.comparator().holds(comparison.get())) {
            return new Assessment(IndicatorStatus.ACHIEVED, target, null);
        }
        if (deadlinePassed) {
            return new Assessment(IndicatorStatus.OVERDUE, target, null);
        }
        Optional<PathPoint> from = pathStart(measure, baseline, targets, target, planStart);
        Optional<BigDecimal> expected = from.flatMap(start -> expectedOnPath(start, target, period.end()));
        if (expected.isEmpty()) {
            return new Assessment(IndicatorStatus.BEHIND, target, null);
        }
        BigDecimal actual = value.asNumber().orElseThrow();
        int vsPath = actual.compareTo(expected.get());
        boolean onTrack = rising(from.get().value(), target) ? vsPath >= 0 : vsPath <= 0;
        return new Assessment(onTrack ? IndicatorStatus.ON_TRACK : IndicatorStatus.BEHIND, target, expected.get());
    }

    /** One target judged on its own, so that a missed earlier milestone stays visible behind a later one. */
    public record Milestone(Target target, String judgedPeriod, MeasuredValue value, IndicatorStatus status, String statusLabel) {
    }

    /** A value reported for a period. */
    public record Reported(Period period, MeasuredValue value) {
    }

    /**
     * Every target, earliest first, judged by the value last reported for a period that ends within it (on or
     * before the target's last day): ACHIEVED or, once its period is over, OVERDUE; before that, ON_TRACK, BEHIND
     * or NO_DATA as {@link #judge} says.
     */
    public static List<Milestone> milestones(Measure measure, MeasuredValue baseline, List<Target> targets, LocalDate planStart,
                                             List<Reported> reports, LocalDate today) {
        return targets.stream().sorted(java.util.Comparator.comparing((Target t) -> t.period().end())).map(target -> {
            Optional<Reported> last = reports.stream().filter(r -> !r.period().end().isAfter(target.period().end()))
                    .max(java.util.Comparator.comparing((Reported r) -> r.period().end()));
            Period judged = last.map(Reported::period).orElse(target.period());
            IndicatorStatus status = judge(measure, baseline, targets, target, planStart, judged,
                    last.map(Reported::value).orElse(null), today).status();
            return new Milestone(target, last.map(r -> r.period().code()).orElse(null), last.map(Reported::value).orElse(null),
                    status, status.label());
        }).toList();
    }

    /** Where the path to a target starts: a day and a value. */
    record PathPoint(LocalDate day, BigDecimal value) {
    }

    /**
     * The previous numeric milestone (the latest target ending before this one, at its last day), else the baseline
     * at the plan's start (0 for a rising target without one); empty for pass/fail and levels, and for a ceiling
     * without a baseline or earlier milestone.
     */
    static Optional<PathPoint> pathStart(Measure measure, MeasuredValue baseline, List<Target> targets, Target target, LocalDate planStart) {
        if (measure.kind() == MeasureKind.PASS_FAIL || measure.kind() == MeasureKind.LEVEL || target.value().asNumber().isEmpty()) {
            return Optional.empty();
        }
        Optional<Target> previous = targets.stream()
                .filter(t -> t.period().end().isBefore(target.period().end()) && t.value().asNumber().isPresent())
                .max(java.util.Comparator.comparing((Target t) -> t.period().end()));
        if (previous.isPresent()) {
            return Optional.of(new PathPoint(previous.get().period().end(), previous.get().value().asNumber().orElseThrow()));
        }
        Optional<BigDecimal> start = baseline == null ? Optional.empty() : baseline.asNumber();
        if (start.isEmpty()) {
            return target.comparator().lowerIsBetter() ? Optional.empty() : Optional.of(new PathPoint(planStart, BigDecimal.ZERO));
        }
        return Optional.of(new PathPoint(planStart, start.get()));
    }

    /** The value the straight line from {@code from} to the target expects on {@code at}. */
    static Optional<BigDecimal> expectedOnPath(PathPoint from, Target target, LocalDate at) {
        BigDecimal goal = target.value().asNumber().orElseThrow();
        long total = ChronoUnit.DAYS.between(from.day(), target.period().end());
        long elapsed = ChronoUnit.DAYS.between(from.day(), at);
        BigDecimal fraction = total <= 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(Math.max(0, Math.min(elapsed, total))).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
        BigDecimal expected = from.value().add(goal.subtract(from.value()).multiply(fraction));
        return Optional.of(expected.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    /** Which way the path goes: by the comparator, or for "=" from where the path starts to the goal. */
    private static boolean rising(BigDecimal start, Target target) {
        if (target.comparator() == Comparator.EQ) {
            return target.value().asNumber().map(goal -> goal.compareTo(start) >= 0).orElse(true);
        }
        return !target.comparator().lowerIsBetter();
    }

    /** Actual compared with target (negative: below), or empty when they cannot be compared. */
    static Optional<Integer> compare(Measure measure, MeasuredValue actual, MeasuredValue target) {
        if (actual.kind() != target.kind()) {
            return Optional.empty();
        }
        if (actual instanceof MeasuredValue.Level a && target instanceof MeasuredValue.Level t) {
            int actualRank = measure.rankOf(a.level());
            int targetRank = measure.rankOf(t.level());
            return actualRank < 0 || targetRank < 0 ? Optional.empty() : Optional.of(Integer.compare(actualRank, targetRank));
        }
        Optional<BigDecimal> a = actual.asNumber();
        Optional<BigDecimal> t = target.asNumber();
        return a.isPresent() && t.isPresent() ? Optional.of(a.get().compareTo(t.get())) : Optional.empty();
    }

    /**
     * A task's status on {@code today}: CANCELLED once cancelled; COMPLETED, or COMPLETED_LATE when completed after its
     * due date; OVERDUE when the due date has passed without completion; IN_PROGRESS once progress above 0% is
     * reported; else NOT_STARTED. Recurring tasks ("Thường xuyên") have no due date and are never overdue.
     */
    public static TaskStatus taskStatus(TaskDeadline deadline, int percentComplete, LocalDate completedOn, boolean cancelled, LocalDate today) {
        if (cancelled) {
            return TaskStatus.CANCELLED;
        }
        LocalDate due = deadline == null ? null : deadline.dueDate();
        if (completedOn != null) {
            return due != null && completedOn.isAfter(due) ? TaskStatus.COMPLETED_LATE : TaskStatus.COMPLETED;
        }
        if (due != null && today.isAfter(due)) {
            return TaskStatus.OVERDUE;
        }
        return percentComplete > 0 ? TaskStatus.IN_PROGRESS : TaskStatus.NOT_STARTED;
    }

    /** {@link #taskStatus} on every day, until an event changes what it reads: it can change only after the due date. */
    public static StatusSpan<TaskStatus> taskStatusSpan(TaskDeadline deadline, int percentComplete, LocalDate completedOn, boolean cancelled) {
        LocalDate due = deadline == null ? null : deadline.dueDate();
        if (due == null) {
            TaskStatus always = taskStatus(deadline, percentComplete, completedOn, cancelled, LocalDate.EPOCH);
            return new StatusSpan<>(always, null, always);
        }
        return new StatusSpan<>(taskStatus(deadline, percentComplete, completedOn, cancelled, due), due,
                taskStatus(deadline, percentComplete, completedOn, cancelled, due.plusDays(1)));
    }
}
