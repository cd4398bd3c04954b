package vn.tiendo.query.status;

import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.query.config.JsonColumns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** What {@link StatusRules#latestSpan} reads of the indicator's own row ({@code indicator i}). */
    public static final String ROW_SPAN_INPUTS = "i.measure::text as measure, i.baseline::text as baseline, i.targets::text as targets, i.plan_start";

    /** What {@link StatusRules#latestSpan} reads, as columns of a row of {@code indicator i}: the row's and its latest period's. */
    private static final String SPAN_INPUTS = ROW_SPAN_INPUTS + ", (select p.period from indicator_period p where p.indicator_id = i.indicator_id " + LATEST_PERIOD_ORDER
            + " limit 1) as period, (select p.value::text from indicator_period p where p.indicator_id = i.indicator_id "
            + LATEST_PERIOD_ORDER + " limit 1) as value";

    private static final TypeReference<List<Target>> TARGETS = new TypeReference<>() {
    };

    private StatusColumns() {
    }

    /** SQL: the status the span of the row named {@code alias} gives on the day bound to its one parameter. */
    public static String statusOn(String alias) {
        return "(case when cast(? as date) > %1$s.status_deadline then %1$s.status_after_deadline else %1$s.status_by_deadline end)"
                .formatted(alias);
    }

    /** Every status of {@code type} at 0: where counts by status start. */
    public static <S extends Enum<S>> Map<S, Integer> noCounts(Class<S> type) {
        Map<S, Integer> counts = new EnumMap<>(type);
        for (S status : type.getEnumConstants()) {
            counts.put(status, 0);
        }
        return counts;
    }

    /**
     * The rows named {@code alias} in {@code rows} (a {@code with} clause) that match {@code where} (its parameters
     * {@code args}), counted by the status their spans give on {@code today}; every status named.
     */
    public static <S extends Enum<S>> Map<S, Integer> countByStatus(JdbcTemplate jdbc, Class<S> type, String rows, String alias,
                                                                    String where, List<Object> args, LocalDate today) {
        Map<S, Integer> counts = noCounts(type);
        List<Object> all = new ArrayList<>(List.of(today));
        all.addAll(args);
        jdbc.query(rows + "select " + statusOn(alias) + ", count(*) from " + alias + " where true" + where + " group by 1",
                rs -> {
                    counts.put(Enum.valueOf(type, rs.getString(1)), rs.getInt(2));
                }, all.toArray());
        return counts;
    }

    /** Recomputes the span of the indicators matching {@code where} (over {@code indicator i}), e.g. one by its id. */
    public static int restatusIndicators(JdbcTemplate jdbc, JsonColumns json, String where, Object... args) {
        List<Object[]> updates = new ArrayList<>();
        jdbc.query("select i.indicator_id, " + SPAN_INPUTS + " from indicator i where " + where, rs -> {
            StatusRules.StatusSpan<IndicatorStatus> span = latestSpan(rs, json);
            updates.add(new Object[]{span.byDeadline().name(), span.deadline(), span.afterDeadline().name(), rs.getString("indicator_id")});
        }, args);
        jdbc.batchUpdate("update indicator set status_by_deadline = ?, status_deadline = ?, status_after_deadline = ? "
                + "where indicator_id = ?", updates);
        return updates.size();
    }

    /**
     * After a correction: the row's new version, and its span if that changed; answers the row as it then stands
     * ({@code to_jsonb}), for its history. The update that sets the version returns what the span is computed from and
     * the row itself, so a correction whose status holds costs one statement here.
     */
    public static String touchAndRestatus(JdbcTemplate jdbc, JsonColumns json, String indicatorId, long version, OffsetDateTime updatedAt) {
        String[] row = new String[1];
        List<Object> changed = new ArrayList<>();
        jdbc.query("update indicator i set version = ?, updated_at = ? where indicator_id = ? returning "
                + "to_jsonb(i)::text as row, i.status_by_deadline, i.status_deadline, i.status_after_deadline, " + SPAN_INPUTS, rs -> {
            row[0] = rs.getString("row");
            if (row[0] == null) {
                return; // no such indicator
            }
            StatusRules.StatusSpan<IndicatorStatus> span = latestSpan(rs, json);
            if (!span.byDeadline().name().equals(rs.getString("status_by_deadline"))
                    || !Objects.equals(span.deadline(), rs.getObject("status_deadline", LocalDate.class))
                    || !span.afterDeadline().name().equals(rs.getString("status_after_deadline"))) {
                // a span without a deadline (an indicator without targets) has none to write: Arrays.asList takes the null
                changed.addAll(Arrays.asList(span.byDeadline().name(), span.deadline(), span.afterDeadline().name(), indicatorId));
            }
        }, version, updatedAt, indicatorId);
        if (!changed.isEmpty()) {
            row[0] = jdbc.queryForObject("update indicator i set status_by_deadline = ?, status_deadline = ?, status_after_deadline = ? "
                    + "where indicator_id = ? returning to_jsonb(i)::text", String.class, changed.toArray());
        }
        return row[0];
    }

    /**
     * The span {@link StatusRules#latestSpan} gives on the current row of {@code rs}: its columns {@link #ROW_SPAN_INPUTS}
     * and the latest period's {@code period} and {@code value} (null when nothing was reported).
     */
    public static StatusRules.StatusSpan<IndicatorStatus> latestSpan(ResultSet rs, JsonColumns json) throws SQLException {
        String targets = rs.getString("targets");
        String period = rs.getString("period");
        return StatusRules.latestSpan(json.read(rs.getString("measure"), Measure.class), json.read(rs.getString("baseline"), MeasuredValue.class),
                targets == null ? List.of() : json.read(targets, TARGETS), rs.getObject("plan_start", LocalDate.class),
                period == null ? null : Period.parse(period), json.read(rs.getString("value"), MeasuredValue.class));
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
