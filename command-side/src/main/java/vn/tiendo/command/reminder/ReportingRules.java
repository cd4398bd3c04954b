package vn.tiendo.command.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.tiendo.events.common.Notice;
import vn.tiendo.events.common.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reporting calendar's deadlines (prefix {@code tiendo.reporting}): a month's report is due on day
 * {@code dueDay} of the next month (the plans: before the 20th). {@code reminderDaysBefore} days before, the lead
 * agency's officers are reminded; the day after, it is overdue and the head is told too; {@code escalationDaysAfter}
 * days after, the head and the coordinating agency. Each at {@code notifyAt} in the province's {@code zone}.
 * {@code addresses}: e-mail address per recipient ({@code officers:so-khcn}, {@code head:so-khcn}…); a recipient
 * without one is notified in the log.
 */
@ConfigurationProperties(prefix = "tiendo.reporting")
public record ReportingRules(Integer dueDay, Integer reminderDaysBefore, Integer escalationDaysAfter, LocalTime notifyAt, ZoneId zone,
                             String coordinatorAgency, Map<String, String> addresses) {

    /** The name Axon's deadline manager knows the reporting deadlines by. */
    public static final String DEADLINE = "report-due";

    public enum Stage { REMINDER, OVERDUE, ESCALATION }

    /** A deadline: one stage of one month's report. */
    public record Deadline(Period period, Stage stage) {
    }

    public ReportingRules {
        dueDay = dueDay == null ? 20 : dueDay;
        reminderDaysBefore = reminderDaysBefore == null ? 3 : reminderDaysBefore;
        escalationDaysAfter = escalationDaysAfter == null ? 5 : escalationDaysAfter;
        notifyAt = notifyAt == null ? LocalTime.of(8, 0) : notifyAt;
        zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
        coordinatorAgency = coordinatorAgency == null ? "so-khcn" : coordinatorAgency;
        addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
    }

    /** Day {@code dueDay} of the month after the period ends (its last day in a shorter month). */
    public LocalDate dueDate(Period month) {
        YearMonth next = YearMonth.from(month.end()).plusMonths(1);
        return next.atDay(Math.min(dueDay, next.lengthOfMonth()));
    }

    public Instant time(Deadline deadline) {
        return time(dueDate(deadline.period()), deadline.stage());
    }

    /** When a stage comes for a report due on {@code due}: days before or after it, at {@code notifyAt}. */
    public Instant time(LocalDate due, Stage stage) {
        LocalDate day = switch (stage) {
            case REMINDER -> due.minusDays(reminderDaysBefore);
            case OVERDUE -> due.plusDays(1);
            case ESCALATION -> due.plusDays(escalationDaysAfter);
        };
        return day.atTime(notifyAt).atZone(zone).toInstant();
    }

    /** The first deadline after {@code now} for the months {@code first} to {@code last}; empty when none is left. */
    public Optional<Deadline> next(YearMonth first, YearMonth last, Instant now) {
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            for (Stage stage : Stage.values()) {
                Deadline deadline = new Deadline(Period.month(month), stage);
                if (time(deadline).isAfter(now)) {
                    return Optional.of(deadline);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a deadline firing at {@code now} still speaks for itself: not once the next stage's time has come
     * (after a long outage, the platform does not remind of what is by then overdue).
     */
    public boolean current(Deadline deadline, Instant now) {
        Stage[] stages = Stage.values();
        Deadline following = deadline.stage().ordinal() + 1 < stages.length
                ? new Deadline(deadline.period(), stages[deadline.stage().ordinal() + 1])
                : new Deadline(Period.month(YearMonth.from(deadline.period().end()).plusMonths(1)), Stage.REMINDER);
        return now.isBefore(time(following));
    }

    /** Who is told at a stage about a report the agency owes. */
    public List<Notice> notices(Stage stage, String agencyId) {
        List<String> recipients = new ArrayList<>();
        if (stage != Stage.ESCALATION) {
            recipients.add("officers:" + agencyId);
        }
        if (stage != Stage.REMINDER) {
            recipients.add("head:" + agencyId);
        }
        if (stage == Stage.ESCALATION) {
            recipients.add("coordinator:" + coordinatorAgency);
        }
        return recipients.stream().map(r -> addresses.containsKey(r) ? new Notice(r, "EMAIL", addresses.get(r)) : new Notice(r, "LOG", null))
                .toList();
    }
}
