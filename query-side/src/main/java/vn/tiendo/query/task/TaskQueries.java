package vn.tiendo.query.task;

import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.status.StatusColumns;
import vn.tiendo.query.status.StatusRules;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;
import vn.tiendo.query.web.Page;
import vn.tiendo.platform.scope.Scope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
            select t.*, t.coordinating_agency_ids::text as coordinators_json, coalesce(t.group_path, '[]')::text as group_path_json,
                   a.name as lead_agency_name, g.name as collective_group_name
            from t left join projection.agency a on a.agency_id = t.lead_agency_id
                   left join projection.agency_group g on g.group_id = t.collective_group_id
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

    /** What a list asks for, each part optional; an agency's tasks are those it leads or coordinates. */
    public record Filter(String planId, String agencyId, TaskStatus status) {
    }

    /**
     * One page of the tasks {@code scope} sees (it leads or coordinates them), now or as recorded at a moment. Plan,
     * agency and scope are filtered and the page is cut in SQL; a status too, on each row's stored status span
     * ({@link StatusColumns}), now; as of a past moment after assessment.
     */
    public Page<TaskView> page(Filter filter, Scope scope, AsOf.Moment at, Page.Request request) {
        if (!statusInSql(filter, at)) {
            return request.cut(list(filter, scope, at));
        }
        List<Object> countArgs = new ArrayList<>(rowArgs(at));
        long total = jdbc.queryForObject(rows(at) + "select count(*) from t where true" + where(filter, scope, at, countArgs),
                Long.class, countArgs.toArray());
        return request.of(select(filter, scope, at, " limit " + request.size() + " offset " + request.offset()), total);
    }

    /** Every task {@code scope} sees that matches the filter. */
    public List<TaskView> list(Filter filter, Scope scope, AsOf.Moment at) {
        List<TaskView> rows = select(filter, scope, at, "");
        return statusInSql(filter, at) ? rows : rows.stream().filter(view -> view.status() == filter.status()).toList();
    }

    /**
     * How many of the tasks {@code scope} sees that match the filter (its status aside) are in each status, every
     * status named (0 for none): counted in SQL on the stored spans now, from the list assessed whole as of a past moment.
     */
    public Map<TaskStatus, Integer> counts(Filter filter, Scope scope, AsOf.Moment at) {
        Filter any = new Filter(filter.planId(), filter.agencyId(), null);
        if (!at.isNow()) {
            Map<TaskStatus, Integer> counts = StatusColumns.noCounts(TaskStatus.class);
            list(any, scope, at).forEach(view -> counts.merge(view.status(), 1, Integer::sum));
            return counts;
        }
        List<Object> args = new ArrayList<>();
        String where = where(any, scope, at, args);
        return StatusColumns.countByStatus(jdbc, TaskStatus.class, rows(at), "t", where, args, asOf.today(at));
    }

    /** The stored status spans are those of the rows now; as of a past moment the rows are assessed. */
    private static boolean statusInSql(Filter filter, AsOf.Moment at) {
        return filter.status() == null || at.isNow();
    }

    private List<TaskView> select(Filter filter, Scope scope, AsOf.Moment at, String limit) {
        List<Object> args = new ArrayList<>(rowArgs(at));
        String sql = rows(at) + SELECT + where(filter, scope, at, args) + " order by t.plan_id, t.task_id" + limit;
        LocalDate today = asOf.today(at);
        return jdbc.query(sql, (rs, i) -> toView(rs, today), args.toArray());
    }

    private String where(Filter filter, Scope scope, AsOf.Moment at, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (filter.planId() != null) {
            sql.append(" and t.plan_id = ?");
            args.add(filter.planId());
        }
        if (filter.agencyId() != null) {
            sql.append(" and (t.lead_agency_id = ? or t.coordinating_agency_ids @> jsonb_build_array(cast(? as text)))");
            args.add(filter.agencyId());
            args.add(filter.agencyId());
        }
        if (!scope.isAll()) {
            sql.append(" and (t.lead_agency_id = any(cast(? as text[])) or exists (select 1 from "
                    + "jsonb_array_elements_text(t.coordinating_agency_ids) c(agency_id) where c.agency_id = any(cast(? as text[]))))");
            args.add(scope.sqlArray());
            args.add(scope.sqlArray());
        }
        if (filter.status() != null && statusInSql(filter, at)) {
            sql.append(" and ").append(StatusColumns.statusOn("t")).append(" = ?");
            args.add(asOf.today(at));
            args.add(filter.status().name());
        }
        return sql.toString();
    }

    private static String rows(AsOf.Moment at) {
        return at.isNow() ? ROWS_NOW : ROWS_AS_OF;
    }

    private static List<Object> rowArgs(AsOf.Moment at) {
        return at.isNow() ? List.of() : List.of(at.utc());
    }

    /**
     * The shares of the row a task is a share of, as {@code scope} sees them: the tasks of the same plan given to the
     * same group for the same content (the row's key is not in the events; its content is), in the order of their ids.
     */
    public List<TaskView> shares(TaskView share, Scope scope, AsOf.Moment at) {
        if (share.collectiveGroupId() == null) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(rowArgs(at));
        String sql = rows(at) + SELECT + where(new Filter(share.planId(), null, null), scope, at, args)
                + " and t.collective_group_id = ? and t.content = ? order by t.task_id";
        args.add(share.collectiveGroupId());
        args.add(share.content());
        LocalDate today = asOf.today(at);
        return jdbc.query(sql, (rs, i) -> toView(rs, today), args.toArray());
    }

    public TaskView get(String taskId, AsOf.Moment at) {
        LocalDate today = asOf.today(at);
        List<Object> args = new ArrayList<>(rowArgs(at));
        args.add(taskId);
        return jdbc.query(rows(at) + SELECT + " and t.task_id = ?", (rs, i) -> toView(rs, today), args.toArray())
                .stream().findFirst().orElseThrow(() -> new NotFound("task", taskId));
    }

    private TaskView toView(ResultSet rs, LocalDate today) throws SQLException {
        TaskDeadline deadline = new TaskDeadline(rs.getObject("due_date", LocalDate.class),
                TaskDeadline.Recurrence.valueOf(rs.getString("recurrence")), rs.getString("deadline_as_written"));
        int percent = rs.getInt("percent_complete");
        LocalDate completedOn = rs.getObject("completed_on", LocalDate.class);
        boolean cancelled = rs.getBoolean("cancelled");
        TaskStatus status = StatusRules.taskStatus(deadline, percent, completedOn, cancelled, today);
        return new TaskView(rs.getString("task_id"), rs.getString("plan_id"), rs.getString("content"), json.read(rs.getString("group_path_json"), IDS),
                rs.getString("lead_agency_id"), rs.getString("lead_agency_name"), json.read(rs.getString("coordinators_json"), IDS),
                deadline, rs.getString("expected_product"), percent, rs.getString("last_reported_period"),
                rs.getObject("last_reported_at", OffsetDateTime.class), rs.getString("last_reported_by"), rs.getString("last_report_id"),
                rs.getBoolean("last_report_approved"), completedOn,
                rs.getString("product"), rs.getString("cancel_reason"), status, status.label(), rs.getLong("version"),
                rs.getString("collective_group_id"), rs.getString("collective_group_name"));
    }
}
