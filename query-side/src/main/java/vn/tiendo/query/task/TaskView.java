package vn.tiendo.query.task;

import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.query.status.TaskStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A task as it stands, with its status on today's date; {@code lastReportApproved} is false for a draft.
 * {@code collectiveGroupId}/{@code collectiveGroupName}: the task is its lead's share of a row the plan assigned to
 * that group (null: a task of its own).
 */
public record TaskView(String taskId, String planId, String content, List<String> groupPath, String leadAgencyId, String leadAgencyName,
                       List<String> coordinatingAgencyIds, TaskDeadline deadline, String expectedProduct,
                       int percentComplete, String lastReportedPeriod, OffsetDateTime lastReportedAt, String lastReportedBy,
                       String lastReportId, boolean lastReportApproved,
                       LocalDate completedOn, String product, String cancelReason, TaskStatus status, String statusLabel,
                       long version, String collectiveGroupId, String collectiveGroupName) {
}
