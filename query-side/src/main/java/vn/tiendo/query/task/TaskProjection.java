package vn.tiendo.query.task;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.events.task.TaskAssigned;
import vn.tiendo.events.task.TaskCancelled;
import vn.tiendo.events.task.TaskCompleted;
import vn.tiendo.events.task.TaskDeadlineRevised;
import vn.tiendo.events.task.TaskProgressReported;
import vn.tiendo.events.task.TaskReassigned;
import vn.tiendo.events.task.TaskReportApproved;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.status.StatusColumns;

import java.time.Instant;

import static vn.tiendo.query.config.Times.utc;

/**
 * Tasks as they stand: holder, coordinators, deadline, progress, completion. Status is computed when read.
 * Its table names are unqualified on purpose: they resolve to schema {@code projection}, or while a rebuild replays
 * into new tables to the rebuild's schema ({@link vn.tiendo.query.admin.ProjectionRebuild}).
 */
@Component
@ProcessingGroup(TaskProjection.PROCESSING_GROUP)
public class TaskProjection {

    public static final String PROCESSING_GROUP = "task-projection";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    public TaskProjection(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(TaskAssigned e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        TaskDeadline d = e.deadline();
        jdbc.update("insert into task (task_id, plan_id, content, lead_agency_id, coordinating_agency_ids, due_date, "
                        + "recurrence, deadline_as_written, expected_product, version, updated_at, group_path, collective_group_id) "
                        + "values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)",
                e.taskId(), e.planId(), e.content(), e.leadAgencyId(), json.write(e.coordinatingAgencyIds()), d.dueDate(),
                d.recurrence().name(), d.asWritten(), e.expectedProduct(), version, utc(recordedAt), json.write(e.groupPath()),
                e.collectiveGroupId());
        restatus(e.taskId());
        snapshot(e.taskId(), recordedAt);
    }

    @EventHandler
    void on(TaskReassigned e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.update("update task set lead_agency_id = ?, version = ?, updated_at = ? where task_id = ?",
                e.toAgencyId(), version, utc(recordedAt), e.taskId());
        snapshot(e.taskId(), recordedAt);
    }

    @EventHandler
    void on(TaskDeadlineRevised e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        TaskDeadline d = e.newDeadline();
        jdbc.update("update task set due_date = ?, recurrence = ?, deadline_as_written = ?, version = ?, updated_at = ? "
                + "where task_id = ?", d.dueDate(), d.recurrence().name(), d.asWritten(), version, utc(recordedAt), e.taskId());
        restatus(e.taskId());
        snapshot(e.taskId(), recordedAt);
    }

    @EventHandler
    void on(TaskProgressReported e, @SequenceNumber long version, @Timestamp Instant recordedAt,
            @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update("update task set percent_complete = ?, last_reported_period = ?, last_reported_at = ?, "
                        + "last_reported_by = ?, last_report_id = ?, last_report_approved = false, version = ?, updated_at = ? where task_id = ?",
                e.percentComplete(), e.period().code(), utc(recordedAt), actor, e.reportId(), version, utc(recordedAt), e.taskId());
        restatus(e.taskId());
        snapshot(e.taskId(), recordedAt);
    }

    @EventHandler
    void on(TaskReportApproved e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.update("update task set last_report_approved = (last_report_approved or last_report_id = ?), version = ?, "
                + "updated_at = ? where task_id = ?", e.reportId(), version, utc(recordedAt), e.taskId());
        snapshot(e.taskId(), recordedAt);
    }

    @EventHandler
    void on(TaskCompleted e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.update("update task set completed_on = ?, product = ?, percent_complete = 100, version = ?, updated_at = ? "
                + "where task_id = ?", e.completedOn(), e.product(), version, utc(recordedAt), e.taskId());
        restatus(e.taskId());
        snapshot(e.taskId(), recordedAt);
    }

    @EventHandler
    void on(TaskCancelled e, @SequenceNumber long version, @Timestamp Instant recordedAt) {
        jdbc.update("update task set cancelled = true, cancel_reason = ?, version = ?, updated_at = ? where task_id = ?",
                e.reason(), version, utc(recordedAt), e.taskId());
        restatus(e.taskId());
        snapshot(e.taskId(), recordedAt);
    }

    /** The status the lists filter by, after a change to what the rules read: deadline, progress, completion. */
    private void restatus(String taskId) {
        StatusColumns.restatusTasks(jdbc, "t.task_id = ?", taskId);
    }

    /** What the task's row says after this event, for "as of" queries. */
    private void snapshot(String taskId, Instant recordedAt) {
        jdbc.update("insert into task_history (task_id, recorded_at, version, state) "
                + "select task_id, ?, version, to_jsonb(t) from task t where task_id = ?", utc(recordedAt), taskId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from task_history");
        jdbc.update("delete from task");
    }
}
