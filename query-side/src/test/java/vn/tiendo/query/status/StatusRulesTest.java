package vn.tiendo.query.status;

import org.junit.jupiter.api.Test;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.common.TaskDeadline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The status rules on the plans' own target shapes. */
class StatusRulesTest {

    private static final Measure PERCENT = Measure.of(MeasureKind.PERCENT);
    private static final LocalDate PLAN_START = LocalDate.of(2025, 1, 1);
    // Decision 1305/QĐ-UBND, A.1: ≥ 60% by end-2025, 100% by end-2030
    private static final List<Target> COVERAGE = List.of(
            new Target(Period.year(2025), Comparator.GE, pct("60"), "≥ 60%"),
            new Target(Period.year(2030), Comparator.GE, pct("100"), "100%"));

    private static MeasuredValue pct(String v) {
        return new MeasuredValue.Percent(new BigDecimal(v));
    }

    private static IndicatorStatus status(List<Target> targets, MeasuredValue baseline, String period, MeasuredValue value, String today) {
        return StatusRules.assess(PERCENT, baseline, targets, PLAN_START, Period.parse(period), value, LocalDate.parse(today)).status();
    }

    @Test
    void theTargetInForceIsTheNextOneToFallDue() {
        assertThat(StatusRules.targetInForce(COVERAGE, Period.parse("2025-06")).orElseThrow().asWritten()).isEqualTo("≥ 60%");
        assertThat(StatusRules.targetInForce(COVERAGE, Period.parse("2025-12")).orElseThrow().asWritten()).isEqualTo("≥ 60%");
        assertThat(StatusRules.targetInForce(COVERAGE, Period.parse("2026-01")).orElseThrow().asWritten()).isEqualTo("100%");
        assertThat(StatusRules.targetInForce(COVERAGE, Period.parse("2031-01")).orElseThrow().asWritten()).isEqualTo("100%");
        assertThat(StatusRules.targetInForce(List.of(), Period.parse("2025-06"))).isEmpty();
    }

    /**
     * Decision 1305, A.2: ≥ 60% by end-2025, 100% by end-2030. In November 2026 the path runs from 60 (31/12/2025)
     * to 100 (31/12/2030): 60 + 40 × 334/1826 days = 67.3165, not the 31.9 of a straight line from 0 in 2025.
     */
    @Test
    void thePathRunsThroughEveryMilestoneInOrder() {
        StatusRules.Assessment november2026 = StatusRules.assess(PERCENT, null, COVERAGE, PLAN_START, Period.parse("2026-11"),
                pct("65"), LocalDate.parse("2026-12-10"));
        assertThat(november2026.expected()).isEqualByComparingTo("67.3165");
        assertThat(november2026.status()).isEqualTo(IndicatorStatus.BEHIND);
        assertThat(status(COVERAGE, null, "2026-11", pct("68"), "2026-12-10")).isEqualTo(IndicatorStatus.ON_TRACK);
        // before the first milestone the path still starts from the baseline (0 without one) at the plan's start
        assertThat(StatusRules.assess(PERCENT, null, COVERAGE, PLAN_START, Period.parse("2025-06"), pct("20"),
                LocalDate.parse("2025-07-10")).expected()).isEqualByComparingTo("29.6703");
    }

    @Test
    void aMissedEarlierMilestoneStaysVisibleBehindTheNextOne() {
        List<StatusRules.Reported> reports = List.of(new StatusRules.Reported(Period.parse("2025-12"), pct("55")),
                new StatusRules.Reported(Period.parse("2026-10"), pct("70")));
        List<StatusRules.Milestone> milestones = StatusRules.milestones(PERCENT, null, COVERAGE, PLAN_START, reports,
                LocalDate.parse("2026-11-20"));
        assertThat(milestones).extracting(m -> m.target().asWritten(), StatusRules.Milestone::judgedPeriod, StatusRules.Milestone::status)
                .containsExactly(tuple("≥ 60%", "2025-12", IndicatorStatus.OVERDUE), tuple("100%", "2026-10", IndicatorStatus.ON_TRACK));
        // met in time, the 2025 milestone stays achieved whatever comes after
        List<StatusRules.Reported> met = List.of(new StatusRules.Reported(Period.parse("2025-11"), pct("61")),
                new StatusRules.Reported(Period.parse("2026-10"), pct("58")));
        assertThat(StatusRules.milestones(PERCENT, null, COVERAGE, PLAN_START, met, LocalDate.parse("2026-11-20")))
                .extracting(StatusRules.Milestone::status).containsExactly(IndicatorStatus.ACHIEVED, IndicatorStatus.BEHIND);
        // nothing reported by the end of 2025: missed; the 2030 target not yet due: no data
        assertThat(StatusRules.milestones(PERCENT, null, COVERAGE, PLAN_START, List.of(), LocalDate.parse("2026-11-20")))
                .extracting(StatusRules.Milestone::status).containsExactly(IndicatorStatus.OVERDUE, IndicatorStatus.NO_DATA);
    }

    /** A ceiling with milestones: at most 10 days in 2025, at most 5 by 2027; the path falls from 10 to 5. */
    @Test
    void aCeilingPathFallsThroughItsMilestones() {
        Measure count = Measure.of(MeasureKind.COUNT);
        List<Target> ceilings = List.of(new Target(Period.year(2025), Comparator.LE, count(10), "≤ 10 ngày"),
                new Target(Period.year(2027), Comparator.LE, count(5), "≤ 5 ngày"));
        StatusRules.Assessment end2026 = StatusRules.assess(count, null, ceilings, PLAN_START, Period.parse("2026-12"), count(8),
                LocalDate.parse("2027-01-05"));
        assertThat(end2026.expected()).isEqualByComparingTo("7.5");
        assertThat(end2026.status()).isEqualTo(IndicatorStatus.BEHIND);
        assertThat(StatusRules.assess(count, null, ceilings, PLAN_START, Period.parse("2026-12"), count(7),
                LocalDate.parse("2027-01-05")).status()).isEqualTo(IndicatorStatus.ON_TRACK);
    }

    private static MeasuredValue count(int n) {
        return new MeasuredValue.Count(BigDecimal.valueOf(n));
    }

    @Test
    void meetingTheTargetIsAchieved() {
        assertThat(status(COVERAGE, null, "2025-06", pct("60"), "2025-07-10")).isEqualTo(IndicatorStatus.ACHIEVED);
    }

    @Test
    void onOrAboveTheLinearPathIsOnTrackBelowIsBehind() {
        // baseline 30% at 2025-01-01 to 60% at 2025-12-31: 30 + 30 × 180/364 days = 44.835% at the end of June
        MeasuredValue baseline = pct("30");
        assertThat(status(COVERAGE, baseline, "2025-06", pct("45"), "2025-07-10")).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(status(COVERAGE, baseline, "2025-06", pct("44"), "2025-07-10")).isEqualTo(IndicatorStatus.BEHIND);
        assertThat(StatusRules.assess(PERCENT, baseline, COVERAGE, PLAN_START, Period.parse("2025-06"), pct("44"),
                LocalDate.parse("2025-07-10")).expected()).isEqualByComparingTo("44.8352");
    }

    @Test
    void belowTargetAfterTheTargetPeriodIsOverdue() {
        assertThat(status(COVERAGE, null, "2025-12", pct("55"), "2026-01-05")).isEqualTo(IndicatorStatus.OVERDUE);
        // on the target period's last day the path has reached the target: behind, but not yet overdue
        assertThat(status(COVERAGE, null, "2025-12", pct("55"), "2025-12-31")).isEqualTo(IndicatorStatus.BEHIND);
    }

    @Test
    void noReportIsNoDataUntilTheTargetFallsDue() {
        assertThat(status(COVERAGE, null, "2025-06", null, "2025-07-10")).isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(status(COVERAGE, null, "2030-12", null, "2031-01-01")).isEqualTo(IndicatorStatus.OVERDUE);
    }

    @Test
    void aboveTargetIsStrictForTren() {
        // "Trên 90%": above, not equal
        List<Target> above90 = List.of(new Target(Period.year(2026), Comparator.GT, pct("90"), "Trên 90%"));
        // exactly 90 is not achieved; it is where the path from 0 stands at the period's end, so on track
        assertThat(status(above90, null, "2026-12", pct("90"), "2026-12-15")).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(status(above90, null, "2026-12", pct("90.1"), "2026-12-15")).isEqualTo(IndicatorStatus.ACHIEVED);
    }

    @Test
    void aCeilingIsMetFromBelow() {
        Measure count = Measure.of(MeasureKind.COUNT);
        List<Target> atMost5 = List.of(new Target(Period.year(2025), Comparator.LE, new MeasuredValue.Count(BigDecimal.valueOf(5)), "≤ 5"));
        assertThat(StatusRules.assess(count, null, atMost5, PLAN_START, Period.parse("2025-06"),
                new MeasuredValue.Count(BigDecimal.valueOf(4)), LocalDate.parse("2025-07-01")).status()).isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(StatusRules.assess(count, null, atMost5, PLAN_START, Period.parse("2025-06"),
                new MeasuredValue.Count(BigDecimal.valueOf(7)), LocalDate.parse("2025-07-01")).status()).isEqualTo(IndicatorStatus.BEHIND);
    }

    @Test
    void passFailRatioAndLevelMeasures() {
        LocalDate july = LocalDate.parse("2025-07-01");
        Measure passFail = Measure.of(MeasureKind.PASS_FAIL);
        List<Target> dat = List.of(new Target(Period.year(2025), Comparator.EQ, new MeasuredValue.PassFail(true), "Đạt"));
        assertThat(StatusRules.assess(passFail, null, dat, PLAN_START, Period.parse("2025-06"), new MeasuredValue.PassFail(true), july).status())
                .isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(StatusRules.assess(passFail, null, dat, PLAN_START, Period.parse("2025-06"), new MeasuredValue.PassFail(false), july).status())
                .isEqualTo(IndicatorStatus.BEHIND);

        Measure ratio = Measure.of(MeasureKind.RATIO);
        List<Target> sevenOfSeven = List.of(new Target(Period.year(2025), Comparator.GE,
                new MeasuredValue.Ratio(BigDecimal.valueOf(7), BigDecimal.valueOf(7)), "Đạt: 7/7"));
        assertThat(StatusRules.assess(ratio, null, sevenOfSeven, PLAN_START, Period.parse("2025-12"),
                new MeasuredValue.Ratio(BigDecimal.valueOf(6), BigDecimal.valueOf(7)), LocalDate.parse("2026-01-02")).status())
                .isEqualTo(IndicatorStatus.OVERDUE);

        Measure level = new Measure(MeasureKind.LEVEL, List.of("D", "C", "B", "A"));
        List<Target> levelB = List.of(new Target(Period.year(2025), Comparator.GE, new MeasuredValue.Level("B"), "Mức B"));
        assertThat(StatusRules.assess(level, null, levelB, PLAN_START, Period.parse("2025-06"), new MeasuredValue.Level("A"), july).status())
                .isEqualTo(IndicatorStatus.ACHIEVED);
        assertThat(StatusRules.assess(level, null, levelB, PLAN_START, Period.parse("2025-06"), new MeasuredValue.Level("C"), july).status())
                .isEqualTo(IndicatorStatus.BEHIND);
    }

    @Test
    void freeTextIsNotAssessedAutomatically() {
        Measure text = Measure.of(MeasureKind.TEXT);
        List<Target> free = List.of(new Target(Period.year(2025), Comparator.EQ,
                new MeasuredValue.Text("Mỗi cơ quan có ít nhất 1-5 cán bộ"), "Mỗi cơ quan ... có ít nhất 1-5 cán bộ"));
        assertThat(StatusRules.assess(text, null, free, PLAN_START, Period.parse("2025-06"), new MeasuredValue.Text("đã bố trí"),
                LocalDate.parse("2025-07-01")).status()).isEqualTo(IndicatorStatus.NOT_ASSESSED);
    }

    @Test
    void taskStatuses() {
        TaskDeadline dec2025 = TaskDeadline.due(LocalDate.of(2025, 12, 31), "Tháng 12/2025");
        TaskDeadline ongoing = new TaskDeadline(null, TaskDeadline.Recurrence.ONGOING, "Thường xuyên");
        LocalDate nov = LocalDate.of(2025, 11, 20);
        LocalDate jan = LocalDate.of(2026, 1, 5);
        assertThat(StatusRules.taskStatus(dec2025, 0, null, false, nov)).isEqualTo(TaskStatus.NOT_STARTED);
        assertThat(StatusRules.taskStatus(dec2025, 30, null, false, nov)).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(StatusRules.taskStatus(dec2025, 30, null, false, jan)).isEqualTo(TaskStatus.OVERDUE);
        assertThat(StatusRules.taskStatus(dec2025, 100, LocalDate.of(2025, 12, 31), false, jan)).isEqualTo(TaskStatus.COMPLETED);
        assertThat(StatusRules.taskStatus(dec2025, 100, LocalDate.of(2026, 1, 2), false, jan)).isEqualTo(TaskStatus.COMPLETED_LATE);
        assertThat(StatusRules.taskStatus(dec2025, 30, null, true, jan)).isEqualTo(TaskStatus.CANCELLED);
        assertThat(StatusRules.taskStatus(ongoing, 10, null, false, LocalDate.of(2030, 1, 1))).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    /**
     * What the projections store (a status up to a deadline, another after it) says what the rules say on every day
     * from before the plans to after their last targets, for the plans' target shapes, reported or not, met or not.
     * A rule that read the day in another way would make a list filtered in SQL disagree with the rows it shows.
     */
    @Test
    void aStoredStatusSpanSaysWhatTheRulesSayOnEveryDay() {
        Measure count = Measure.of(MeasureKind.COUNT);
        Measure passFail = Measure.of(MeasureKind.PASS_FAIL);
        Measure text = Measure.of(MeasureKind.TEXT);
        List<Target> ceilings = List.of(new Target(Period.year(2025), Comparator.LE, count(10), "≤ 10 ngày"),
                new Target(Period.year(2027), Comparator.LE, count(5), "≤ 5 ngày"));
        // a quarter's target, then a year's: a report judged against either
        List<Target> quarterThenYear = List.of(new Target(Period.parse("2026-Q2"), Comparator.GE, pct("80"), "≥ 80% quý II/2026"),
                new Target(Period.year(2027), Comparator.GE, pct("95"), "≥ 95%"));
        List<Target> dat = List.of(new Target(Period.year(2025), Comparator.EQ, new MeasuredValue.PassFail(true), "Đạt"));
        List<Target> free = List.of(new Target(Period.year(2025), Comparator.EQ, new MeasuredValue.Text("có"), "có"));
        record Shape(Measure measure, MeasuredValue baseline, List<Target> targets, List<MeasuredValue> values) {
        }
        List<Shape> shapes = List.of(new Shape(PERCENT, null, COVERAGE, List.of(pct("20"), pct("61"), pct("75"), pct("100"))),
                new Shape(PERCENT, pct("40"), COVERAGE, List.of(pct("45"), pct("90"))),
                new Shape(count, count(12), ceilings, List.of(count(11), count(8), count(4))),
                new Shape(PERCENT, null, quarterThenYear, List.of(pct("10"), pct("79"), pct("80"))),
                new Shape(passFail, null, dat, List.of(new MeasuredValue.PassFail(false), new MeasuredValue.PassFail(true))),
                new Shape(text, null, free, List.of(new MeasuredValue.Text("đã bố trí"))),
                new Shape(PERCENT, null, List.of(), List.of(pct("50"))));
        List<Period> reported = List.of(Period.parse("2025-03"), Period.parse("2025-12"), Period.parse("2026-05"), Period.parse("2026-06"),
                Period.year(2026), Period.parse("2029-11"), Period.parse("2031-02"));
        int compared = 0;
        for (Shape shape : shapes) {
            StatusRules.StatusSpan<IndicatorStatus> nothing = StatusRules.latestSpan(shape.measure(), shape.baseline(), shape.targets(),
                    PLAN_START, null, null);
            for (LocalDate day = LocalDate.of(2024, 11, 1); day.isBefore(LocalDate.of(2032, 3, 1)); day = day.plusDays(1)) {
                assertThat(nothing.on(day)).as("nothing reported, %s", day).isEqualTo(
                        StatusRules.latest(shape.measure(), shape.baseline(), shape.targets(), PLAN_START, null, null, day).status());
                compared++;
            }
            for (Period period : reported) {
                for (MeasuredValue value : shape.values()) {
                    StatusRules.StatusSpan<IndicatorStatus> span = StatusRules.latestSpan(shape.measure(), shape.baseline(), shape.targets(),
                            PLAN_START, period, value);
                    for (LocalDate day = period.end(); day.isBefore(LocalDate.of(2032, 3, 1)); day = day.plusDays(3)) {
                        assertThat(span.on(day)).as("%s reported for %s, %s", value, period, day).isEqualTo(
                                StatusRules.latest(shape.measure(), shape.baseline(), shape.targets(), PLAN_START, period, value, day).status());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(50_000);

        TaskDeadline dec2025 = TaskDeadline.due(LocalDate.of(2025, 12, 31), "Tháng 12/2025");
        TaskDeadline ongoing = new TaskDeadline(null, TaskDeadline.Recurrence.ONGOING, "Thường xuyên");
        for (TaskDeadline deadline : List.of(dec2025, ongoing)) {
            for (int percent : List.of(0, 40, 100)) {
                for (LocalDate completedOn : java.util.Arrays.asList(null, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 2, 1))) {
                    for (boolean cancelled : List.of(false, true)) {
                        StatusRules.StatusSpan<TaskStatus> span = StatusRules.taskStatusSpan(deadline, percent, completedOn, cancelled);
                        for (LocalDate day = LocalDate.of(2025, 1, 1); day.isBefore(LocalDate.of(2027, 1, 1)); day = day.plusDays(1)) {
                            assertThat(span.on(day)).isEqualTo(StatusRules.taskStatus(deadline, percent, completedOn, cancelled, day));
                        }
                    }
                }
            }
        }
    }
}
