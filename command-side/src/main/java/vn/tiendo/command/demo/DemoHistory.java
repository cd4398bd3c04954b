package vn.tiendo.command.demo;

import vn.tiendo.command.indicator.IndicatorCommands.AcceptIndicatorCorrection;
import vn.tiendo.command.indicator.IndicatorCommands.CorrectIndicatorProgress;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.NoteReportingDeadline;
import vn.tiendo.command.reminder.ReportingRules;
import vn.tiendo.command.indicator.IndicatorCommands.ReportIndicatorProgress;
import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.command.task.TaskCommands.CompleteTask;
import vn.tiendo.command.task.TaskCommands.ReportTaskProgress;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A made-up but deterministic history of monthly reports for the real plans' indicators and tasks: the same
 * indicator and month always get the same value (each id seeds its own random generator). Some indicators reach
 * their targets, some fall behind; a few reports are corrected; tasks progress and some finish late.
 * <p>
 * Each step says when it happened, on the province's calendar: most reports between the 10th and the 20th of the
 * next month (the plans' deadline is the 20th), about one in ten late, about one in thirty never sent; a correction
 * days to weeks after its report, accepted a few days later; a task's completion the day after it was done.
 */
public final class DemoHistory {

    /** A command, for whom it is sent, why, and when it happened; an indicator's or task's steps are in order. */
    public record Step(Object command, String agencyId, String reason, Instant at) {
    }

    public static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final YearMonth lastMonth;
    private final ReportingRules calendar;

    /**
     * Reports run to {@code lastMonth} inclusive (the last month already over), capped by each plan's end; the
     * reporting calendar's reminders, overdue notices and escalations come when {@code calendar} says, while a
     * month is still unreported.
     */
    public DemoHistory(YearMonth lastMonth, ReportingRules calendar) {
        this.lastMonth = lastMonth;
        this.calendar = calendar;
    }

    public List<Step> indicatorReports(DefineIndicator indicator, YearMonth firstMonth) {
        List<Step> steps = new ArrayList<>();
        MeasureKind kind = indicator.measure().kind();
        if (indicator.targets().isEmpty()) {
            return steps;
        }
        Random random = new Random(indicator.indicatorId().hashCode());
        Random timing = new Random(("when " + indicator.indicatorId()).hashCode());
        YearMonth last = min(lastMonth, YearMonth.from(indicator.planEnd()));
        Target finalTarget = indicator.targets().stream().max(Comparator.comparing(Target::period)).orElseThrow();
        double ambition = 0.8 + random.nextDouble() * 0.35; // < 1: this indicator will fall short
        int passMonth = random.nextInt(Math.max(1, (int) ChronoUnit.MONTHS.between(firstMonth, last) + 4));
        int month = 0;
        for (YearMonth ym = firstMonth; !ym.isAfter(last); ym = ym.plusMonths(1), month++) {
            MeasuredValue value = switch (kind) {
                case PASS_FAIL -> new MeasuredValue.PassFail(isTrue(indicator.baseline()) || month >= passMonth);
                case LEVEL -> new MeasuredValue.Level(month >= passMonth ? "B" : "C");
                case RATIO -> ratio(indicator, finalTarget, month >= passMonth);
                case TEXT -> new MeasuredValue.Text(month >= passMonth ? "Đã triển khai, đạt yêu cầu" : "Đang triển khai");
                default -> number(indicator, finalTarget, ambition, ym, random);
            };
            String reportId = indicator.indicatorId() + "@" + ym;
            Optional<Instant> sent = sentAt(ym, timing);
            for (ReportingRules.Stage stage : ReportingRules.Stage.values()) {
                ReportingRules.Deadline deadline = new ReportingRules.Deadline(Period.month(ym), stage);
                Instant due = calendar.time(deadline);
                if (sent.isEmpty() || sent.get().isAfter(due)) {
                    steps.add(new Step(new NoteReportingDeadline(indicator.indicatorId(), deadline), indicator.leadAgencyId(), null, due));
                }
            }
            if (sent.isEmpty()) {
                continue;
            }
            steps.add(new Step(new ReportIndicatorProgress(indicator.indicatorId(), null, reportId, Period.month(ym), value,
                    "Số liệu tổng hợp tháng " + ym.getMonthValue() + "/" + ym.getYear(), List.of(evidence(indicator.code(), ym)), true),
                    indicator.leadAgencyId(), null, sent.get()));
            if (random.nextDouble() < 0.05 && value.asNumber().isPresent() && kind != MeasureKind.PASS_FAIL && kind != MeasureKind.RATIO) {
                MeasuredValue corrected = withNumber(kind, value.asNumber().get().add(BigDecimal.valueOf(1.5)).min(BigDecimal.valueOf(100)));
                if (!corrected.equals(value)) {
                    String reason = "Cập nhật theo số liệu chính thức của cơ quan chuyên môn";
                    // the report is approved: the correction is proposed, then accepted by the coordinating department
                    String proposalId = reportId + "#correction";
                    Instant proposed = sent.get().plus(Duration.ofDays(3 + timing.nextInt(28)));
                    steps.add(new Step(new CorrectIndicatorProgress(indicator.indicatorId(), null, reportId, corrected, reason, List.of(),
                            proposalId), indicator.leadAgencyId(), reason, proposed));
                    steps.add(new Step(new AcceptIndicatorCorrection(indicator.indicatorId(), null, proposalId), "so-khcn", null,
                            proposed.plus(Duration.ofDays(1 + timing.nextInt(3)))));
                }
            }
        }
        return steps;
    }

    public List<Step> taskReports(AssignTask task, YearMonth firstMonth, LocalDate planEnd) {
        List<Step> steps = new ArrayList<>();
        Random random = new Random(task.taskId().hashCode());
        Random timing = new Random(("when " + task.taskId()).hashCode());
        YearMonth last = min(lastMonth, YearMonth.from(planEnd));
        int delay = random.nextInt(3);
        int speed = 8 + random.nextInt(25);
        boolean recurring = task.deadline().dueDate() == null;
        int percent = 0;
        for (YearMonth ym = firstMonth.plusMonths(delay); !ym.isAfter(last); ym = ym.plusMonths(1)) {
            percent = Math.min(recurring ? 90 : 100, percent + speed);
            if (percent >= 100) {
                LocalDate completedOn = ym.atDay(10 + random.nextInt(18));
                // recorded the day after, and never before the task's last progress report
                Instant recorded = workingHours(completedOn.plusDays(1), timing);
                if (!steps.isEmpty() && !recorded.isAfter(steps.get(steps.size() - 1).at())) {
                    recorded = steps.get(steps.size() - 1).at().plus(Duration.ofHours(2));
                }
                steps.add(new Step(new CompleteTask(task.taskId(), null, completedOn, task.expectedProduct(),
                        List.of(evidence("NV", ym))), task.leadAgencyId(), null, recorded));
                break;
            }
            Optional<Instant> sent = sentAt(ym, timing);
            if (sent.isPresent()) {
                steps.add(new Step(new ReportTaskProgress(task.taskId(), null, task.taskId() + "@" + ym, Period.month(ym), percent,
                        "Tiến độ tháng " + ym.getMonthValue() + "/" + ym.getYear(), List.of(), true), task.leadAgencyId(), null, sent.get()));
            }
        }
        return steps;
    }

    private static MeasuredValue number(DefineIndicator indicator, Target finalTarget, double ambition, YearMonth ym, Random random) {
        double goal = finalTarget.value().asNumber().orElseThrow().doubleValue() * ambition;
        double start = indicator.baseline() != null && indicator.baseline().asNumber().isPresent()
                ? indicator.baseline().asNumber().get().doubleValue() : goal * 0.45;
        double total = ChronoUnit.DAYS.between(indicator.planStart(), finalTarget.period().end());
        double elapsed = ChronoUnit.DAYS.between(indicator.planStart(), ym.atEndOfMonth());
        double value = start + (goal - start) * Math.min(1, elapsed / total) + random.nextGaussian();
        if (indicator.measure().kind() == MeasureKind.PERCENT) {
            value = Math.min(100, value);
        }
        return withNumber(indicator.measure().kind(), BigDecimal.valueOf(Math.max(0, value)).setScale(2, RoundingMode.HALF_UP));
    }

    private static MeasuredValue ratio(DefineIndicator indicator, Target target, boolean reached) {
        MeasuredValue.Ratio goal = (MeasuredValue.Ratio) target.value();
        BigDecimal numerator = reached ? goal.numerator() : goal.numerator().subtract(BigDecimal.ONE).max(BigDecimal.ZERO);
        return new MeasuredValue.Ratio(numerator, goal.denominator());
    }

    private static MeasuredValue withNumber(MeasureKind kind, BigDecimal number) {
        return kind == MeasureKind.SCORE ? new MeasuredValue.Score(number) : new MeasuredValue.Percent(number);
    }

    private static boolean isTrue(MeasuredValue baseline) {
        return baseline instanceof MeasuredValue.PassFail p && Boolean.TRUE.equals(p.passed());
    }

    private static EvidenceRef evidence(String code, YearMonth ym) {
        return new EvidenceRef("BC-" + code + "-" + ym, ym.plusMonths(1).atDay(18), null,
                "Báo cáo kết quả thực hiện tháng " + ym.getMonthValue() + "/" + ym.getYear(), null, null);
    }

    /** When a month's report went in: empty for one that never did, else a working hour of a day in the next month. */
    private static Optional<Instant> sentAt(YearMonth month, Random timing) {
        int roll = timing.nextInt(100);
        if (roll < 3) {
            return Optional.empty();
        }
        LocalDate day = roll < 13 ? month.plusMonths(1).atDay(21 + timing.nextInt(8)) : month.plusMonths(1).atDay(10 + timing.nextInt(11));
        return Optional.of(workingHours(day, timing));
    }

    private static Instant workingHours(LocalDate day, Random timing) {
        return day.atTime(8 + timing.nextInt(9), timing.nextInt(60)).atZone(PROVINCE).toInstant();
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
