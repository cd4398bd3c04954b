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
     * Assesses an indicator's value reported for {@code period} (null value: nothing reported) on the date {@code today}:
     * <ol>
     *   <li>no target in force, or a TEXT measure or target: NOT_ASSESSED (people judge free text);</li>
     *   <li>no value: OVERDUE if the target's period has ended, else NO_DATA;</li>
     *   <li>the value meets the target under its comparator (≥ ≤ = > <; a ratio by its quotient, a level by its rank,
     *       pass/fail with Đạt above Chưa đạt): ACHIEVED;</li>
     *   <li>the target's period has ended (today is after its last day): OVERDUE;</li>
     *   <li>numeric measures: ON_TRACK if the value is on or beyond the linear path from the baseline (at the plan's
     *       start) to the target (at the end of the target's period), evaluated at the end of the reported period,
     *       else BEHIND. With no baseline the path starts from 0 for rising targets; a ceiling (≤, <) without a
     *       baseline has no path and is BEHIND while not met;</li>
     *   <li>pass/fail and level measures not yet met: BEHIND.</li>
     * </ol>
     */
    public static Assessment assess(Measure measure, MeasuredValue baseline, List<Target> targets, LocalDate planStart,
                                    Period period, MeasuredValue value, LocalDate today) {
        Optional<Target> inForce = targetInForce(targets, period);
        if (inForce.isEmpty() || measure.kind() == MeasureKind.TEXT || inForce.get().value() instanceof MeasuredValue.Text) {
            return new Assessment(IndicatorStatus.NOT_ASSESSED, inForce.orElse(null), null);
        }
        Target target = inForce.get();
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
        Optional<BigDecimal> expected = expectedOnPath(measure, baseline, target, planStart, period.end());
        if (expected.isEmpty()) {
            return new Assessment(IndicatorStatus.BEHIND, target, null);
        }
        BigDecimal actual = value.asNumber().orElseThrow();
        int vsPath = actual.compareTo(expected.get());
        boolean onTrack = risingTarget(target, baseline) ? vsPath >= 0 : vsPath <= 0;
        return new Assessment(onTrack ? IndicatorStatus.ON_TRACK : IndicatorStatus.BEHIND, target, expected.get());
    }

    /** The value the linear path from baseline to target expects on {@code at}; empty where there is no path. */
    static Optional<BigDecimal> expectedOnPath(Measure measure, MeasuredValue baseline, Target target, LocalDate pathStart, LocalDate at) {
        if (measure.kind() == MeasureKind.PASS_FAIL || measure.kind() == MeasureKind.LEVEL) {
            return Optional.empty();
        }
        Optional<BigDecimal> goal = target.value().asNumber();
        Optional<BigDecimal> start = baseline == null ? Optional.empty() : baseline.asNumber();
        if (goal.isEmpty()) {
            return Optional.empty();
        }
        if (start.isEmpty()) {
            if (target.comparator().lowerIsBetter()) {
                return Optional.empty();
            }
            start = Optional.of(BigDecimal.ZERO);
        }
        long total = ChronoUnit.DAYS.between(pathStart, target.period().end());
        long elapsed = ChronoUnit.DAYS.between(pathStart, at);
        BigDecimal fraction = total <= 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(Math.max(0, Math.min(elapsed, total))).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
        BigDecimal expected = start.get().add(goal.get().subtract(start.get()).multiply(fraction));
        return Optional.of(expected.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    private static boolean risingTarget(Target target, MeasuredValue baseline) {
        if (target.comparator() == Comparator.EQ) {
            Optional<BigDecimal> start = baseline == null ? Optional.empty() : baseline.asNumber();
            Optional<BigDecimal> goal = target.value().asNumber();
            return start.isEmpty() || goal.isEmpty() || goal.get().compareTo(start.get()) >= 0;
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
}
