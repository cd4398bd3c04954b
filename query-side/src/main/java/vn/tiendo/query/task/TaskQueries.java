package vn.tiendo.query.task;

import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.status.StatusRules;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the task projection and applies the status rules with the injected clock. */
@Component
public class TaskQueries {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };
    private static final String ROWS_NOW = "with t as (select * from projection.task)\n";
    private static final String ROWS_AS_OF = """
            with t as (select (jsonb_populate_record(null::projection.task, h.state)).* from (
                           select distinct on (task_id) state from projection.task_history
                           where recorded_at <= ? order by task_id, version desc) h)
            """;
    private static final String SELECT = """
            select t.*, t.coordinating_agency_ids::text as coordinators_json, a.name as lead_agency_name
            from t left join projection.agency a on a.agency_id = t.lead_agency_id
            where true
            """;

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final AsOf asOf;

    public TaskQueries(JdbcTemplate jdbc, JsonColumns json, AsOf asOf) {
        this.jdbc = jdbc;
        this.json = json;
        this.asOf = asOf;
    }

    public List<TaskView> list(String planId, String agencyId, TaskStatus status) {
        return list(planId, agencyId, status, AsOf.Moment.NOW);
    }

    /** Tasks of a plan and/or agency, now or as recorded at a moment; an agency's tasks are those it leads or coordinates. */
    public List<TaskView> list(String planId, String agencyId, TaskStatus status, AsOf.Moment at) {
        List<Object> args = new ArrayList<>(at.isNow() ? List.of() : List.of(at.utc()));
        StringBuilder sql = new StringBuilder(at.isNow() ? ROWS_NOW : ROWS_AS_OF).append(SELECT);
        if (planId != null) {
            sql.append(" and t.plan_id = ?");
            args.add(planId);
        }
        if (agencyId != null) {
            sql.append(" and (t.lead_agency_id = ? or t.coordinating_agency_ids @> jsonb_build_array(cast(? as text)))");
            args.add(agencyId);
            args.add(agencyId);
        }
        sql.append(" order by t.plan_id, t.task_id");
        LocalDate today = asOf.today(at);
        return jdbc.query(sql.toString(), (rs, i) -> toView(rs, today), args.toArray()).stream()
                .filter(view -> status == null || view.status() == status)
                .toList();
    }

    public TaskView get(String taskId, AsOf.Moment at) {
        LocalDate today = asOf.today(at);
        List<Object> args = new ArrayList<>(at.isNow() ? List.of() : List.of(at.utc()));
        args.add(taskId);
        return jdbc.query((at.isNow() ? ROWS_NOW : ROWS_AS_OF) + SELECT + " and t.task_id = ?", (rs, i) -> toView(rs, today), args.toArray())
                .stream().findFirst().orElseThrow(() -> new NotFound("task", taskId));
    }

    private TaskView toView(ResultSet rs, LocalDate today) throws SQLException {
        TaskDeadline deadline = new TaskDeadline(rs.getObject("due_date", LocalDate.class),
                TaskDeadline.Recurrence.valueOf(rs.getString("recurrence")), rs.getString("deadline_as_written"));
        int percent = rs.getInt("percent_complete");
        LocalDate completedOn = rs.getObject("completed_on", LocalDate.class);
        boolean cancelled = rs.getBoolean("cancelled");
        TaskStatus status = StatusRules.taskStatus(deadline, percent, completedOn, cancelled, today);
        return new TaskView(rs.getString("task_id"), rs.getString("plan_id"), rs.getString("content"),
                rs.getString("lead_agency_id"), rs.getString("lead_agency_name"), json.read(rs.getString("coordinators_json"), IDS),
                deadline, rs.getString("expected_product"), percent, rs.getString("last_reported_period"),
                rs.getObject("last_reported_at", OffsetDateTime.class), rs.getString("last_reported_by"), rs.getString("last_report_id"),
                rs.getBoolean("last_report_approved"), completedOn,
                rs.getString("product"), rs.getString("cancel_reason"), status, status.label(), rs.getLong("version"));
    }
}
