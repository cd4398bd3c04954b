package vn.tiendo.command.task;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import vn.tiendo.command.common.Handled;
import vn.tiendo.command.common.ReportBook;
import vn.tiendo.command.common.Require;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.task.TaskCommands.ApproveTaskReport;
import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.command.task.TaskCommands.CancelTask;
import vn.tiendo.command.task.TaskCommands.CompleteTask;
import vn.tiendo.command.task.TaskCommands.ReassignTask;
import vn.tiendo.command.task.TaskCommands.ReportTaskProgress;
import vn.tiendo.command.task.TaskCommands.ReviseTaskDeadline;
import vn.tiendo.command.task.TaskCommands.SyncTaskDefinition;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.events.task.TaskAssigned;
import vn.tiendo.events.task.TaskCancelled;
import vn.tiendo.events.task.TaskCompleted;
import vn.tiendo.events.task.TaskDeadlineRevised;
import vn.tiendo.events.task.TaskProgressReported;
import vn.tiendo.events.task.TaskReassigned;
import vn.tiendo.events.task.TaskReportApproved;
import vn.tiendo.events.common.Period;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A task (nhiệm vụ) assigned by a plan to a lead agency. Once completed or cancelled it takes no more changes. */
@Aggregate
public class Task {

    @AggregateIdentifier
    private String taskId;
    private String leadAgencyId;
    private TaskDeadline deadline;
    private boolean completed;
    private boolean cancelled;
    private final ReportBook<Integer> reports = new ReportBook<>(ReportBook.PeriodRule.DRAFTS_UNTIL_APPROVED, "task");

    protected Task() {
    }

    @CommandHandler
    public Task(AssignTask command) {
        Require.notBlank(command.taskId(), "taskId");
        Require.notBlank(command.planId(), "planId");
        Require.notBlank(command.content(), "content");
        Require.notBlank(command.leadAgencyId(), "leadAgencyId");
        checkDeadline(command.deadline(), "deadline");
        List<String> coordinators = command.coordinatingAgencyIds() == null ? List.of() : List.copyOf(command.coordinatingAgencyIds());
        Require.that(!coordinators.contains(command.leadAgencyId()), "coordinatingAgencyIds", "the lead agency cannot also coordinate");
        apply(new TaskAssigned(command.taskId(), command.planId(), command.content(), command.leadAgencyId(),
                coordinators, command.deadline(), command.expectedProduct(), Require.orEmpty(command.groupPath()), command.collectiveGroupId()));
    }

    /** Officers and heads act only on tasks their agency (a head: or one below it) leads now. */
    @CommandHandlerInterceptor
    void actOnlyWithinScope(Object command, @MetaDataValue(Scope.METADATA) String scope) {
        Scope.fromMetadata(scope).requireActsOn(leadAgencyId, taskId);
    }

    @CommandHandler
    public Handled handle(ReassignTask command) {
        requireOpen();
        Require.notBlank(command.toAgencyId(), "toAgencyId");
        Require.notBlank(command.reason(), "reason");
        Require.notNull(command.effectiveDate(), "effectiveDate");
        Require.that(!command.toAgencyId().equals(leadAgencyId), "toAgencyId", "the task is already assigned to " + leadAgencyId);
        apply(new TaskReassigned(taskId, leadAgencyId, command.toAgencyId(), command.reason(), command.effectiveDate()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(ReviseTaskDeadline command) {
        requireOpen();
        checkDeadline(command.newDeadline(), "newDeadline");
        Require.notBlank(command.reason(), "reason");
        if (command.newDeadline().equals(deadline)) {
            throw new StateConflict("the deadline is already " + deadline.asWritten());
        }
        apply(new TaskDeadlineRevised(taskId, deadline, command.newDeadline(), command.reason(), command.decisionReference()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(ReportTaskProgress command) {
        requireOpen();
        Require.notBlank(command.reportId(), "reportId");
        Require.notNull(command.period(), "period");
        Require.notNull(command.percentComplete(), "percentComplete");
        Require.that(command.percentComplete() >= 0 && command.percentComplete() <= 100, "percentComplete",
                "percentComplete must be between 0 and 100");
        Require.validEvidence(command.evidence(), "evidence");
        reports.requireNew(command.reportId(), command.period());
        apply(new TaskProgressReported(taskId, command.reportId(), command.period(), command.percentComplete(),
                command.note(), Require.orEmpty(command.evidence())));
        if (command.approved()) {
            apply(new TaskReportApproved(taskId, command.reportId(), command.period()));
        }
        return Handled.applied();
    }

    /** The head approves a draft progress report; its period is then locked. */
    @CommandHandler
    public Handled handle(ApproveTaskReport command, @MetaDataValue(MetadataKeys.ACTOR) String approver) {
        Period period = reports.requireApprovableBy(command.reportId(), approver).period();
        apply(new TaskReportApproved(taskId, command.reportId(), period));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(CompleteTask command) {
        requireOpen();
        Require.notNull(command.completedOn(), "completedOn");
        Require.validEvidence(command.evidence(), "evidence");
        apply(new TaskCompleted(taskId, command.completedOn(), command.product(), Require.orEmpty(command.evidence())));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(CancelTask command) {
        requireOpen();
        Require.notBlank(command.reason(), "reason");
        apply(new TaskCancelled(taskId, command.reason()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(SyncTaskDefinition command) {
        Require.notBlank(command.reason(), "reason");
        boolean reassign = command.leadAgencyId() != null && !command.leadAgencyId().equals(leadAgencyId);
        boolean moveDeadline = command.deadline() != null && !command.deadline().equals(deadline);
        if (!reassign && !moveDeadline) {
            return Handled.applyUnlessPreview(List.of(), command.preview());
        }
        requireOpen();
        List<RecordEvent> changes = new ArrayList<>();
        if (reassign) {
            changes.add(new TaskReassigned(taskId, leadAgencyId, command.leadAgencyId(), command.reason(), command.effectiveDate()));
        }
        if (moveDeadline) {
            checkDeadline(command.deadline(), "deadline");
            changes.add(new TaskDeadlineRevised(taskId, deadline, command.deadline(), command.reason(), command.decisionReference()));
        }
        return Handled.applyUnlessPreview(changes, command.preview());
    }

    private void requireOpen() {
        if (completed) {
            throw new StateConflict("task " + taskId + " is completed and takes no more changes");
        }
        if (cancelled) {
            throw new StateConflict("task " + taskId + " is cancelled and takes no more changes");
        }
    }

    private static void checkDeadline(TaskDeadline deadline, String field) {
        Require.notNull(deadline, field);
        Require.that(deadline.hasDueDate() || deadline.recurrence() != TaskDeadline.Recurrence.NONE, field + ".dueDate",
                "a task needs a due date unless it is ONGOING, YEARLY or AS_DIRECTED");
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        taskId = event.taskId();
        leadAgencyId = event.leadAgencyId();
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(TaskReassigned event) {
        leadAgencyId = event.toAgencyId();
    }

    @EventSourcingHandler
    void on(TaskDeadlineRevised event) {
        deadline = event.newDeadline();
    }

    @EventSourcingHandler
    void on(TaskProgressReported event, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        reports.reported(event.reportId(), event.period(), event.percentComplete(), actor);
    }

    @EventSourcingHandler
    void on(TaskReportApproved event) {
        reports.approved(event.reportId());
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        completed = true;
    }

    @EventSourcingHandler
    void on(TaskCancelled event) {
        cancelled = true;
    }
}
