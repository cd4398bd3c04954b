package vn.tiendo.query.indicator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import vn.tiendo.query.config.BatchedAppends;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.StatusColumns;
import vn.tiendo.query.status.StatusRules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The reports and approvals of the indicator projection's batch, written together just before the batch commits: five
 * statements for the batch, whatever its size, instead of one or two per event — a replay is mostly reports, and they
 * were what it waited for. Every other event of the projection has them written first ({@link #writtenBefore}), so it
 * reads and changes the rows as they would stand event by event.
 * <p>
 * The rows come out as they would one event at a time: each report's period row and its snapshot; each step's
 * indicator snapshot at its own version, time and status span, the span judged on the latest period among the stored
 * ones up to that step ({@link StatusColumns#LATEST_PERIOD_ORDER}, in SQL); the indicator row
 * itself at the last step. Outside a batch (event by event after a failure, a parked event applied again) a step is
 * written at once, by the same statements.
 * <p>
 * Table names unqualified, as in {@link IndicatorProjection}.
 */
final class ReportSteps implements BatchedAppends.Collected {

    enum Kind { REPORT, APPROVAL }

    /** One event: a report (its period row's columns) or an approval (its report's id). */
    record Step(Kind kind, String indicatorId, long version, OffsetDateTime at, String actor, String period, LocalDate periodEnd,
                String reportId, String value, String note, String evidence, String reportedFor) {

        static Step report(String indicatorId, long version, OffsetDateTime at, String actor, String period, LocalDate periodEnd,
                           String reportId, String value, String note, String evidence, String reportedFor) {
            return new Step(Kind.REPORT, indicatorId, version, at, actor, period, periodEnd, reportId, value, note, evidence, reportedFor);
        }

        static Step approval(String indicatorId, long version, OffsetDateTime at, String actor, String reportId) {
            return new Step(Kind.APPROVAL, indicatorId, version, at, actor, null, null, reportId, null, null, null, null);
        }
    }

    /** The reports' period rows, each answered as it then stands, for its snapshot. */
    private static final String PERIODS = """
            insert into indicator_period (indicator_id, period, period_end, report_id, value, note, evidence, reported_at, reported_by, reported_for)
            select r.indicator_id, r.period, r.period_end::date, r.report_id, r.value::jsonb, r.note, r.evidence::jsonb, r.at::timestamptz,
                   r.actor, r.reported_for
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 with ordinality as r(indicator_id, period, period_end, report_id, value, note, evidence, at, actor, reported_for, n)
            order by r.n
            returning indicator_id, period, to_jsonb(indicator_period)::text as state
            """;

    private static final String PERIOD_SNAPSHOTS = """
            insert into indicator_period_history (indicator_id, period, recorded_at, version, state)
            select h.indicator_id, h.period, h.at::timestamptz, h.version::bigint, h.state::jsonb
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as h(indicator_id, period, at, version, state)
            """;

    /**
     * What each step's indicator snapshot is made of: the row's stored span and inputs (as the batch found it) and, for
     * a report, the latest period with it — the batch's periods are stored by then, so those the same indicator
     * reports at a later step ({@code later}, comma-separated, usually none) are left out. One index lookup per step.
     */
    private static final String SPAN_INPUTS = """
            select s.n, s.kind, s.indicator_id, i.indicator_id is not null as found, i.status_by_deadline, i.status_deadline,
                   i.status_after_deadline, %1$s, latest.period, latest.value::text as value
            from unnest(?::text[], ?::text[], ?::text[]) with ordinality as s(kind, indicator_id, later, n)
            left join lateral (select * from indicator i where i.indicator_id = s.indicator_id) i on true
            left join lateral (
                select p.period, p.value from indicator_period p
                where p.indicator_id = s.indicator_id and (s.later is null or p.period <> all(string_to_array(s.later, ',')))
                %2$s limit 1
            ) latest on s.kind = 'REPORT'
            order by s.n
            """.formatted(StatusColumns.ROW_SPAN_INPUTS, StatusColumns.LATEST_PERIOD_ORDER);

    /** The approvals, each with its period's snapshot as it then stands. */
    private static final String APPROVALS = """
            with a as (
                select a.indicator_id, a.report_id, a.version::bigint as version, a.at::timestamptz as at, a.actor
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as a(indicator_id, report_id, version, at, actor)
            ), approved as (
                update indicator_period p set approved = true, approved_at = a.at, approved_by = a.actor from a
                where p.indicator_id = a.indicator_id and p.report_id = a.report_id
                returning p.indicator_id, p.period, a.version, a.at, to_jsonb(p) as state
            )
            insert into indicator_period_history (indicator_id, period, recorded_at, version, state)
            select indicator_id, period, at, version, state from approved
            """;

    /**
     * Each step's indicator snapshot (the row as the batch found it, with the step's version, time and span: the only
     * columns a report or an approval changes), and the row itself at its last step.
     */
    private static final String INDICATORS = """
            with s as (
                select s.indicator_id, s.version::bigint as version, s.at::timestamptz as at, s.by_deadline, s.deadline::date as deadline,
                       s.after_deadline, s.n
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     with ordinality as s(indicator_id, version, at, by_deadline, deadline, after_deadline, n)
            ), history as (
                insert into indicator_history (indicator_id, recorded_at, version, state)
                select s.indicator_id, s.at, s.version, to_jsonb(i) || jsonb_build_object('version', s.version, 'updated_at', s.at,
                       'status_by_deadline', s.by_deadline, 'status_deadline', s.deadline, 'status_after_deadline', s.after_deadline)
                from s cross join lateral (select * from indicator i where i.indicator_id = s.indicator_id) i
            )
            update indicator i set version = l.version, updated_at = l.at, status_by_deadline = l.by_deadline,
                   status_deadline = l.deadline, status_after_deadline = l.after_deadline
            from (select distinct on (indicator_id) * from s order by indicator_id, n desc) l
            where i.indicator_id = l.indicator_id
            """;

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final List<Step> steps = new ArrayList<>();

    ReportSteps(JdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(Step step) {
        steps.add(step);
    }

    @Override
    public void write() {
        if (!steps.isEmpty()) {
            List<Step> collected = List.copyOf(steps);
            steps.clear();
            write(jdbc, json, collected);
        }
    }

    /** Writes the batch's steps before another event of the projection reads or changes its rows. */
    static void writtenBefore(BatchedAppends appends) {
        appends.writeCollected(ReportSteps.class);
    }

    /** The steps, in their order. */
    static void write(JdbcTemplate jdbc, JsonColumns json, List<Step> steps) {
        List<Step> reports = steps.stream().filter(s -> s.kind() == Kind.REPORT).toList();
        if (!reports.isEmpty()) {
            Map<String, String> periodRows = new HashMap<>();
            jdbc.query(PERIODS, arrays(reports, Step::indicatorId, Step::period, s -> Objects.toString(s.periodEnd(), null), Step::reportId,
                    Step::value, Step::note, Step::evidence, s -> timestamp(s.at()), Step::actor, Step::reportedFor),
                    rs -> {
                        periodRows.put(rs.getString("indicator_id") + "|" + rs.getString("period"), rs.getString("state"));
                    });
            jdbc.update(PERIOD_SNAPSHOTS, arrays(reports, Step::indicatorId, Step::period, s -> timestamp(s.at()), s -> String.valueOf(s.version()),
                    s -> periodRows.get(s.indicatorId() + "|" + s.period())));
        }
        List<Object[]> snapshots = new ArrayList<>();
        Map<String, String[]> spans = new HashMap<>(); // the span each indicator has reached: by deadline, deadline, after
        jdbc.query(SPAN_INPUTS, columns(spanQuestions(steps), 3), rs -> {
            if (!rs.getBoolean("found")) {
                return; // no such indicator: its period row is kept, as a report of it always was
            }
            String indicatorId = rs.getString("indicator_id");
            String[] span = spans.get(indicatorId);
            if (span == null) {
                span = new String[]{rs.getString("status_by_deadline"), rs.getString("status_deadline"), rs.getString("status_after_deadline")};
                spans.put(indicatorId, span);
            }
            if (Kind.valueOf(rs.getString("kind")) == Kind.REPORT) {
                StatusRules.StatusSpan<IndicatorStatus> judged = StatusColumns.latestSpan(rs, json);
                span = new String[]{judged.byDeadline().name(), Objects.toString(judged.deadline(), null), judged.afterDeadline().name()};
                spans.put(indicatorId, span);
            }
            Step step = steps.get(rs.getInt("n") - 1);
            snapshots.add(new Object[]{indicatorId, String.valueOf(step.version()), timestamp(step.at()), span[0], span[1], span[2]});
        });
        List<Step> approvals = steps.stream().filter(s -> s.kind() == Kind.APPROVAL).toList();
        if (!approvals.isEmpty()) {
            jdbc.update(APPROVALS, arrays(approvals, Step::indicatorId, Step::reportId, s -> String.valueOf(s.version()), s -> timestamp(s.at()),
                    Step::actor));
        }
        if (!snapshots.isEmpty()) {
            jdbc.update(INDICATORS, columns(snapshots, 6));
        }
    }

    /** Per step: its kind, its indicator, and the periods the same indicator reports at later steps of the batch (null: none). */
    private static List<Object[]> spanQuestions(List<Step> steps) {
        Object[][] questions = new Object[steps.size()][];
        Map<String, StringJoiner> reportedLater = new HashMap<>();
        for (int n = steps.size() - 1; n >= 0; n--) {
            Step step = steps.get(n);
            String later = null;
            if (step.kind() == Kind.REPORT) {
                StringJoiner periods = reportedLater.computeIfAbsent(step.indicatorId(), id -> new StringJoiner(","));
                later = periods.length() == 0 ? null : periods.toString();
                periods.add(step.period());
            }
            questions[n] = new Object[]{step.kind().name(), step.indicatorId(), later};
        }
        return List.of(questions);
    }

    @SafeVarargs
    private static PreparedStatementSetter arrays(List<Step> steps, Function<Step, String>... columns) {
        List<Object[]> rows = steps.stream().map(step -> {
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                row[c] = columns[c].apply(step);
            }
            return row;
        }).toList();
        return columns(rows, columns.length);
    }

    /** Each column of {@code rows} as a text array parameter, in order. */
    private static PreparedStatementSetter columns(List<Object[]> rows, int width) {
        return ps -> {
            for (int c = 0; c < width; c++) {
                String[] column = new String[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = (String) rows.get(r)[c];
                }
                ps.setArray(c + 1, ps.getConnection().createArrayOf("text", column));
            }
        };
    }

    private static String timestamp(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
