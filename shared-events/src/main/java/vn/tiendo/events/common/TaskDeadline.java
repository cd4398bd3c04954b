package vn.tiendo.events.common;

import java.time.LocalDate;

/**
 * When a task is due: a date (the end of the period the plan names, e.g. "Quý II/2026" is 2026-06-30)
 * or a recurring task with no single deadline ("Thường xuyên", "Hàng năm"). {@code asWritten} keeps the plan's words.
 */
public record TaskDeadline(LocalDate dueDate, Recurrence recurrence, String asWritten) {

    public enum Recurrence { NONE, ONGOING, YEARLY }

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
