package vn.tiendo.events.task;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The lead agency of a task changed, from a date, for a reason. */
@Revision("1")
public record TaskReassigned(String taskId, String fromAgencyId, String toAgencyId, String reason, LocalDate effectiveDate) {
}
