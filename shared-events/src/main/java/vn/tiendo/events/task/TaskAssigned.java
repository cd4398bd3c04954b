package vn.tiendo.events.task;

import vn.tiendo.events.common.TaskDeadline;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A plan assigned a task (nhiệm vụ) to a lead agency with coordinating agencies, a deadline or a recurrence, and an expected product. */
@Revision("1")
public record TaskAssigned(String taskId, String planId, String content, String leadAgencyId, List<String> coordinatingAgencyIds, TaskDeadline deadline, String expectedProduct) {
}
