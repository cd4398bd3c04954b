package vn.tiendo.command.catalog;

import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.events.common.TaskDeadline.Recurrence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a deadline as the plans write it: "30/9/2026", "Trước ngày 10/12/2025", "Tháng 3/2026", "Quý II/2026",
 * "Năm 2026", "Thường xuyên", "Hàng năm". A deadline is the last day of the period named. "Theo hướng dẫn của Trung
 * ương" and anything unreadable becomes AS_DIRECTED, with the words kept.
 */
public final class DeadlineText {

    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("thang (\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH_ONLY = Pattern.compile("thang (\\d{1,2})\\b");
    private static final Pattern QUARTER = Pattern.compile("quy (i{1,3}|iv|[1-4])/(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("^(?:nam )?(\\d{4})$");

    private DeadlineText() {
    }

    /** {@code defaultYear} is the plan's year, for "Tháng 12" without a year. */
    public static TaskDeadline parse(String text, int defaultYear) {
        if (text == null || text.isBlank()) {
            return new TaskDeadline(null, Recurrence.AS_DIRECTED, text);
        }
        String n = Names.normalize(text);
        Matcher m;
        if ((m = DATE.matcher(n)).find()) {
            return TaskDeadline.due(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))), text);
        }
        if ((m = MONTH.matcher(n)).find()) {
            return TaskDeadline.due(YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))).atEndOfMonth(), text);
        }
        if ((m = QUARTER.matcher(n)).find()) {
            int quarter = switch (m.group(1)) {
                case "i", "1" -> 1;
                case "ii", "2" -> 2;
                case "iii", "3" -> 3;
                default -> 4;
            };
            return TaskDeadline.due(YearMonth.of(Integer.parseInt(m.group(2)), quarter * 3).atEndOfMonth(), text);
        }
        if ((m = YEAR.matcher(n)).find()) {
            return TaskDeadline.due(LocalDate.of(Integer.parseInt(m.group(1)), 12, 31), text);
        }
        if (n.startsWith("thuong xuyen") || n.startsWith("hang thang")) {
            return new TaskDeadline(null, Recurrence.ONGOING, text);
        }
        if (n.startsWith("hang nam")) { // hàng năm, hằng năm
            return new TaskDeadline(null, Recurrence.YEARLY, text);
        }
        if ((m = MONTH_ONLY.matcher(n)).find()) {
            return TaskDeadline.due(YearMonth.of(defaultYear, Integer.parseInt(m.group(1))).atEndOfMonth(), text);
        }
        return new TaskDeadline(null, Recurrence.AS_DIRECTED, text);
    }
}
