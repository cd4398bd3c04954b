package vn.tiendo.events.common;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * When a task is due: a date (the end of the period the plan names, e.g. "Quý II/2026" is 2026-06-30)
 * or a task with no single deadline: recurring ("Thường xuyên", "Hàng năm") or waiting for central guidance. {@code asWritten} keeps the plan's words.
 */
public record TaskDeadline(LocalDate dueDate, Recurrence recurrence,
                           @Size(max = TextRules.MAX_LABEL) String asWritten) {

    public enum Recurrence {
        /** one due date */
        NONE,
        /** "Thường xuyên", "Hàng tháng": continuous work, never overdue */
        ONGOING,
        /** "Hằng năm": every year */
        YEARLY,
        /** "Theo lộ trình, hướng dẫn của Trung ương": no date until the central government sets one */
        AS_DIRECTED
    }

    public TaskDeadline {
        recurrence = recurrence == null ? Recurrence.NONE : recurrence;
    }

    public static TaskDeadline due(LocalDate date, String asWritten) {
        return new TaskDeadline(date, Recurrence.NONE, asWritten);
    }

    public boolean hasDueDate() {
        return dueDate != null;
    }
}
