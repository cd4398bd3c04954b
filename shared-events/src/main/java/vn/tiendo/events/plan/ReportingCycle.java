package vn.tiendo.events.plan;

import vn.tiendo.events.common.Period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** How often a periodic report (báo cáo định kỳ) is due: the plans ask for monthly, quarterly and yearly ones. */
public enum ReportingCycle {
    MONTHLY, QUARTERLY, YEARLY;

    /** The cycle's periods that end within {@code from}..{@code to}, oldest first. */
    public List<Period> periods(LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            Period period = switch (this) {
                case MONTHLY -> Period.month(month);
                case QUARTERLY -> month.getMonthValue() % 3 == 0 ? Period.parse(month.getYear() + "-Q" + month.getMonthValue() / 3) : null;
                case YEARLY -> month.getMonthValue() == 12 ? Period.year(month.getYear()) : null;
            };
            if (period != null) {
                periods.add(period);
            }
        }
        return periods;
    }

    /** Whether {@code period} is one of this cycle's periods (a month for a monthly report…). */
    public boolean fits(Period period) {
        return switch (this) {
            case MONTHLY -> period.granularity() == Period.Granularity.MONTH;
            case QUARTERLY -> period.granularity() == Period.Granularity.QUARTER;
            case YEARLY -> period.granularity() == Period.Granularity.YEAR;
        };
    }

    /**
     * The day a period's report is due: day {@code dueDay} (the month's last day in a shorter month) of the period's
     * last month shifted by {@code monthOffset} — "before the 20th of each month" is (20, 0), "before the 15th of the
     * last month of the quarter" (15, 0), "before 20/11 each year" (20, -1), "by the 20th of the next month" (20, 1).
     */
    public static LocalDate dueDate(Period period, int dueDay, int monthOffset) {
        YearMonth month = YearMonth.from(period.end()).plusMonths(monthOffset);
        return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
    }
}
