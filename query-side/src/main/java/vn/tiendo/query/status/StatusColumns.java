package vn.tiendo.query.status;

import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.query.config.JsonColumns;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Keeps each indicator's and task's {@link StatusRules.StatusSpan} in its row (columns {@code status_by_deadline},
 * {@code status_deadline}, {@code status_after_deadline}), so that lists filter, page and count by status in SQL:
 * the status on a day is {@link #statusOn}. Written by the projections after each event that changes what the
 * rules read, and once for the rows already there (migration V24).
 * <p>
 * Table names are unqualified, as in the projections: they resolve to schema {@code projection}, or to a rebuild's.
 */
public final class StatusColumns {

    /**
     * An indicator's latest reported period: the one ending last; of those ending the same day (a month, its quarter
     * and its year), the one reported last. The lists show this row and the span is judged on it.
     */
    public static final String LATEST_PERIOD_ORDER = "order by p.period_end desc, p.reported_at desc, p.period";

    private static final TypeReference<List<Target>> TARGETS = new TypeReference<>() {
    };

    private StatusColumns() {
    }

    /** SQL: the status the span of the row named {@code alias} gives on the day bound to its one parameter. */
    public static String statusOn(String alias) {
        return "(case when cast(? as date) > %1$s.status_deadline then %1$s.status_after_deadline else %1$s.status_by_deadline end)"
                .formatted(alias);
    }

    /** Recomputes the span of the indicators matching {@code where} (over {@code indicator i}), e.g. one by its id. */
    public static int restatusIndicators(JdbcTemplate jdbc, JsonColumns json, String where, Object... args) {
        List<Object[]> updates = new ArrayList<>();
        indicatorSpans(jdbc, json, where, args, (indicatorId, span) ->
                updates.add(new Object[]{span.byDeadline().name(), span.deadline(), span.afterDeadline().name(), indicatorId}));
        jdbc.batchUpdate("update indicator set status_by_deadline = ?, status_deadline = ?, status_after_deadline = ? "
                + "where indicator_id = ?", updates);
        return updates.size();
    }

    /**
     * One indicator's span after an event, written with its new version in one statement: the projection's path for
     * each report, where a statement less counts in a rebuild of millions of events.
     */
    public static void restatusIndicator(JdbcTemplate jdbc, JsonColumns json, String indicatorId, long version, OffsetDateTime updatedAt) {
        indicatorSpans(jdbc, json, "i.indicator_id = ?", new Object[]{indicatorId}, (id, span) ->
                jdbc.update("update indicator set status_by_deadline = ?, status_deadline = ?, status_after_deadline = ?, version = ?, "
                        + "updated_at = ? where indicator_id = ?", span.byDeadline().name(), span.deadline(), span.afterDeadline().name(),
                        version, updatedAt, id));
    }

    private static void indicatorSpans(JdbcTemplate jdbc, JsonColumns json, String where, Object[] args,
                                       BiConsumer<String, StatusRules.StatusSpan<IndicatorStatus>> each) {
        List<Map.Entry<String, StatusRules.StatusSpan<IndicatorStatus>>> spans = new ArrayList<>();
        jdbc.query("select i.indicator_id, i.measure::text as measure, i.baseline::text as baseline, i.targets::text as targets, "
                + "i.plan_start, p.period, p.value::text as value from indicator i left join lateral (select p.period, p.value "
                + "from indicator_period p where p.indicator_id = i.indicator_id " + LATEST_PERIOD_ORDER + " limit 1) p on true "
                + "where " + where, rs -> {
            String targets = rs.getString("targets");
            String period = rs.getString("period");
            spans.add(Map.entry(rs.getString("indicator_id"), StatusRules.latestSpan(json.read(rs.getString("measure"), Measure.class),
                    json.read(rs.getString("baseline"), MeasuredValue.class), targets == null ? List.of() : json.read(targets, TARGETS),
                    rs.getObject("plan_start", LocalDate.class), period == null ? null : Period.parse(period),
                    json.read(rs.getString("value"), MeasuredValue.class))));
        }, args);
        spans.forEach(e -> each.accept(e.getKey(), e.getValue()));
    }

    /** Recomputes the span of the tasks matching {@code where} (over {@code task t}). */
    public static int restatusTasks(JdbcTemplate jdbc, String where, Object... args) {
        List<Object[]> updates = new ArrayList<>();
        jdbc.query("select t.task_id, t.due_date, t.recurrence, t.deadline_as_written, t.percent_complete, t.completed_on, t.cancelled "
                + "from task t where " + where, rs -> {
            TaskDeadline deadline = new TaskDeadline(rs.getObject("due_date", LocalDate.class),
                    TaskDeadline.Recurrence.valueOf(rs.getString("recurrence")), rs.getString("deadline_as_written"));
            StatusRules.StatusSpan<TaskStatus> span = StatusRules.taskStatusSpan(deadline, rs.getInt("percent_complete"),
                    rs.getObject("completed_on", LocalDate.class), rs.getBoolean("cancelled"));
            updates.add(new Object[]{span.byDeadline().name(), span.deadline(), span.afterDeadline().name(), rs.getString("task_id")});
        }, args);
        jdbc.batchUpdate("update task set status_by_deadline = ?, status_deadline = ?, status_after_deadline = ? where task_id = ?", updates);
        return updates.size();
    }
}
