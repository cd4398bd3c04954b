package vn.tiendo.command.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.TaskDeadline;

import java.time.LocalDate;
import java.util.List;

/** What can be asked of a task; {@code expectedVersion} works as for indicators. */
public final class TaskCommands {

    private TaskCommands() {
    }

    /** {@code collectiveGroupId}: the task is its lead's share of a row the plan assigned to that group (null: a task of its own). */
    public record AssignTask(String taskId, String planId, String content, String leadAgencyId,
                             List<String> coordinatingAgencyIds, TaskDeadline deadline, String expectedProduct, List<String> groupPath,
                             String collectiveGroupId) {

        public AssignTask(String taskId, String planId, String content, String leadAgencyId,
                          List<String> coordinatingAgencyIds, TaskDeadline deadline, String expectedProduct, List<String> groupPath) {
            this(taskId, planId, content, leadAgencyId, coordinatingAgencyIds, deadline, expectedProduct, groupPath, null);
        }
    }

    public record ReassignTask(@TargetAggregateIdentifier String taskId, @TargetAggregateVersion Long expectedVersion,
                               String toAgencyId, String reason, LocalDate effectiveDate) {
    }

    public record ReviseTaskDeadline(@TargetAggregateIdentifier String taskId, @TargetAggregateVersion Long expectedVersion,
                                     TaskDeadline newDeadline, String reason, String decisionReference) {
    }

    /** {@code approved}: reported by someone who may approve (a head, the coordinator), so no draft stage. */
    public record ReportTaskProgress(@TargetAggregateIdentifier String taskId, @TargetAggregateVersion Long expectedVersion,
                                     String reportId, Period period, Integer percentComplete, String note,
                                     List<EvidenceRef> evidence, boolean approved) {
    }

    public record ApproveTaskReport(@TargetAggregateIdentifier String taskId, @TargetAggregateVersion Long expectedVersion,
                                    String reportId) {
    }

    public record CompleteTask(@TargetAggregateIdentifier String taskId, @TargetAggregateVersion Long expectedVersion,
                               LocalDate completedOn, String product, List<EvidenceRef> evidence) {
    }

    public record CancelTask(@TargetAggregateIdentifier String taskId, @TargetAggregateVersion Long expectedVersion,
                             String reason) {
    }

    /**
     * Brings the task in line with a (re-)imported row: reassignment and deadline revision where they differ; with
     * {@code preview} nothing is applied and the answer names the changes it would make.
     */
    public record SyncTaskDefinition(@TargetAggregateIdentifier String taskId, String leadAgencyId, TaskDeadline deadline,
                                     String reason, String decisionReference, LocalDate effectiveDate, boolean preview) {
    }
}
