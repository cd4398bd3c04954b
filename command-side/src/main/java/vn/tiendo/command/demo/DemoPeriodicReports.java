package vn.tiendo.command.demo;

import vn.tiendo.command.plan.ReportingCommands.DeclareReportingObligation;
import vn.tiendo.command.plan.ReportingCommands.NotePeriodicReportStages;
import vn.tiendo.command.plan.ReportingCommands.SubmitPeriodicReport;
import vn.tiendo.command.reminder.ReportingRules;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.plan.ReportingCycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DTI plan's two reporting duties as it writes them (Sở KH&CN to the provincial chairman before the 25th of
 * each month; the agencies leading its records to Sở KH&CN before the 20th), and the periodic reports sent under
 * them through 2025: most on time, some a few days late, a few never (a fixed seed per agency and month); the
 * duties' reminders, overdue notices and escalations are noted at their moments, for the reports not in by then.
 */
final class DemoPeriodicReports {

    static final String TO_CHAIRMAN = "so-khcn-bao-cao-chu-tich";
    static final String FROM_LEADS = "don-vi-bao-cao-thang";

    private DemoPeriodicReports() {
    }

    static List<DemoHistory.Step> steps(String planId, LocalDate declaredOn, List<String> leadAgencies, YearMonth lastMonth,
                                        ReportingRules calendar) {
        List<DemoHistory.Step> steps = new ArrayList<>();
        Instant declared = declaredOn.atTime(10, 0).atZone(DemoHistory.PROVINCE).toInstant();
        steps.add(new DemoHistory.Step(new DeclareReportingObligation(planId, TO_CHAIRMAN, "so-khcn", "ubnd-tinh", ReportingCycle.MONTHLY,
                25, 0, "Hằng tháng, chủ trì tổng hợp tình hình, kết quả thực hiện Kế hoạch nâng cao Chỉ số DTI ..., tham mưu Lãnh đạo Sở "
                + "báo cáo Chủ tịch UBND tỉnh (trước ngày 25 hằng tháng)"), "so-khcn", null, declared));
        steps.add(new DemoHistory.Step(new DeclareReportingObligation(planId, FROM_LEADS, null, "so-khcn", ReportingCycle.MONTHLY, 20, 0,
                "Định kỳ trước ngày 20 hằng tháng, gửi báo cáo kết quả triển khai về Phòng Chuyển đổi số để tổng hợp"), "so-khcn", null,
                declared.plusSeconds(60)));
        YearMonth last = lastMonth.isAfter(YearMonth.of(2025, 12)) ? YearMonth.of(2025, 12) : lastMonth;
        Set<Instant> stages = new TreeSet<>();
        for (YearMonth month = YearMonth.from(declaredOn); !month.isAfter(last); month = month.plusMonths(1)) {
            // the calendar's reminders, overdue notices and escalations, noted when they came (nothing of the past is queued)
            for (int dueDay : new int[]{20, 25}) {
                for (ReportingRules.Stage stage : ReportingRules.Stage.values()) {
                    stages.add(calendar.time(month.atDay(dueDay), stage));
                }
            }
            sent(planId, TO_CHAIRMAN, "so-khcn", month, 25).ifPresent(steps::add);
            for (String agency : leadAgencies) {
                if (!agency.equals("so-khcn")) {
                    sent(planId, FROM_LEADS, agency, month, 20).ifPresent(steps::add);
                }
            }
        }
        stages.forEach(at -> steps.add(new DemoHistory.Step(new NotePeriodicReportStages(planId), "so-khcn", null, at)));
        return steps;
    }

    private static Optional<DemoHistory.Step> sent(String planId, String duty, String agency, YearMonth month, int dueDay) {
        Random timing = new Random((duty + agency + month).hashCode());
        int roll = timing.nextInt(100);
        if (roll < 6) {
            return Optional.empty();
        }
        LocalDate day = roll < 22 ? month.atDay(dueDay + 1 + timing.nextInt(4)) : month.atDay(dueDay - 6 + timing.nextInt(7));
        Instant at = day.atTime(8 + timing.nextInt(9), timing.nextInt(60)).atZone(DemoHistory.PROVINCE).toInstant();
        EvidenceRef report = new EvidenceRef("BC-DTI-" + agency + "-" + month, day, null,
                "Báo cáo kết quả triển khai Kế hoạch nâng cao chỉ số DTI tháng " + month.getMonthValue() + "/" + month.getYear(), null, null);
        return Optional.of(new DemoHistory.Step(new SubmitPeriodicReport(planId, duty, Period.month(month), agency, null,
                List.of(report)), agency, null, at));
    }
}
