package vn.tiendo.command.importing;

import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.events.common.TaskDeadline.Recurrence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a deadline as the plans write it. Recurring wording ("Thường xuyên", "Hàng tháng", "Hằng năm") gives a
 * recurring task; otherwise the deadline is the end of the latest period the text names: "30/9/2026",
 * "Trước ngày 10/12/2025", "Tháng 3/2026", "(6/2025)", "Quý II/2026", "Năm 2026", "Từ 2026 - 2030". "Tháng 12" with
 * no year takes the plan's year. With no date at all ("Theo lộ trình, hướng dẫn của Trung ương") the task is
 * AS_DIRECTED. The words are always kept.
 */
public final class DeadlineText {

    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("quy (iv|i{1,3}|[1-4])/(\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\b(20\\d{2})\\b");
    private static final Pattern MONTH_ONLY = Pattern.compile("thang (\\d{1,2})\\b");

    private DeadlineText() {
    }

    /** {@code planYear} is the year "Tháng 12" without a year refers to. */
    public static TaskDeadline parse(String text, int planYear) {
        if (text == null || text.isBlank()) {
            return new TaskDeadline(null, Recurrence.AS_DIRECTED, text);
        }
        String n = Names.normalize(text);
        if (n.startsWith("thuong xuyen") || n.startsWith("hang thang")) {
            return new TaskDeadline(null, Recurrence.ONGOING, text);
        }
        if (n.startsWith("hang nam")) { // hàng năm, hằng năm
            return new TaskDeadline(null, Recurrence.YEARLY, text);
        }
        Optional<LocalDate> latest = latestDate(n);
        if (latest.isPresent()) {
            return TaskDeadline.due(latest.get(), text);
        }
        Matcher m = MONTH_ONLY.matcher(n);
        if (m.find()) {
            return TaskDeadline.due(YearMonth.of(planYear, Integer.parseInt(m.group(1))).atEndOfMonth(), text);
        }
        return new TaskDeadline(null, Recurrence.AS_DIRECTED, text);
    }

    /** True when the words say the date depends on guidance to come, so AS_DIRECTED is what they mean. */
    public static boolean awaitsGuidance(String text) {
        String n = text == null ? "" : Names.normalize(text);
        return n.contains("huong dan") || n.contains("lo trinh");
    }

    private static Optional<LocalDate> latestDate(String n) {
        LocalDate latest = null;
        String rest = n;
        Matcher m = DATE.matcher(rest);
        while (m.find()) {
            latest = max(latest, LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        }
        rest = DATE.matcher(rest).replaceAll(" ");
        m = QUARTER.matcher(rest);
        while (m.find()) {
            int quarter = switch (m.group(1)) {
                case "i", "1" -> 1;
                case "ii", "2" -> 2;
                case "iii", "3" -> 3;
                default -> 4;
            };
            latest = max(latest, YearMonth.of(Integer.parseInt(m.group(2)), quarter * 3).atEndOfMonth());
        }
        rest = QUARTER.matcher(rest).replaceAll(" ");
        m = MONTH_YEAR.matcher(rest);
        while (m.find()) {
            int month = Integer.parseInt(m.group(1));
            if (month >= 1 && month <= 12) {
                latest = max(latest, YearMonth.of(Integer.parseInt(m.group(2)), month).atEndOfMonth());
            }
        }
        rest = MONTH_YEAR.matcher(rest).replaceAll(" ");
        m = YEAR.matcher(rest);
        while (m.find()) {
            latest = max(latest, LocalDate.of(Integer.parseInt(m.group(1)), 12, 31));
        }
        return Optional.ofNullable(latest);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
