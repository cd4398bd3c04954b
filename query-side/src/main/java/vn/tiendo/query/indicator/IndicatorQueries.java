package vn.tiendo.query.indicator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.StatusColumns;
import vn.tiendo.query.status.StatusRules;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.BadQuery;
import vn.tiendo.query.web.NotFound;
import vn.tiendo.query.web.Page;
import vn.tiendo.platform.scope.Scope;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the indicator projection and applies the status rules. Filtering by plan, agency and scope happens in SQL; by
 * status after assessment, since status depends on the day. "As of" a past moment, the same queries run over the
 * rows as they were then (the last snapshot of each row recorded by that moment), and statuses are judged on that day.
 */
@Component
public class IndicatorQueries {

    private static final TypeReference<List<EvidenceRef>> EVIDENCE = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> GROUP_PATH = new TypeReference<>() {
    };
    private static final TypeReference<List<StatusRules.Reported>> REPORTS = new TypeReference<>() {
    };

    /**
     * The indicator rows and their reported periods, now or as recorded at a moment (two parameters). Now, the names
     * stand for the tables themselves (not materialized), so that each query uses their indexes.
     */
    private static final String ROWS_NOW = """
            with i as not materialized (select * from projection.indicator),
                 p as not materialized (select * from projection.indicator_period)
            """;
    private static final String ROWS_AS_OF = """
            with i as (select (jsonb_populate_record(null::projection.indicator, h.state)).* from (
                           select distinct on (indicator_id) state from projection.indicator_history
                           where recorded_at <= ? order by indicator_id, version desc) h),
                 p as (select (jsonb_populate_record(null::projection.indicator_period, h.state)).* from (
                           select distinct on (indicator_id, period) state from projection.indicator_period_history
                           where recorded_at <= ? order by indicator_id, period, version desc) h)
            """;
    /**
     * The last day of the period whose code is {@code %1$s} (2025, 2025-Q2 or 2025-06), as {@link Period#end()} says.
     * SQL.
     */
    private static final String PERIOD_END = """
            case when %1$s ~ '^[0-9]{4}$' then make_date(cast(%1$s as int), 12, 31)
                 when %1$s ~ '^[0-9]{4}-Q[1-4]$'
                     then cast(make_date(cast(left(%1$s, 4) as int), cast(right(%1$s, 1) as int) * 3, 1) + interval '1 month - 1 day' as date)
                 else cast(to_date(%1$s, 'YYYY-MM') + interval '1 month - 1 day' as date) end""";
    /**
     * {@code %1$s}: the indicator rows to show, already filtered, ordered and cut to the page. Of each one's reports only
     * those its milestones read ({@link StatusRules#milestones}: for each target, the last reported period ending
     * within it) are fetched: a row's five years of months would be sixty.
     */
    private static final String SELECT = """
            select i.*, i.targets::text as targets_json, coalesce(i.group_path, '[]')::text as group_path_json, a.name as lead_agency_name,
                   pp.period, pp.value::text as value_json, pp.reported_at, pp.reported_by, pp.correction_count, pp.approved,
                   (select jsonb_agg(jsonb_build_object('period', r.period, 'value', r.value))
                    from p r where r.indicator_id = i.indicator_id and r.period_end in (
                        select (select max(q.period_end) from p q where q.indicator_id = i.indicator_id and q.period_end <= %2$s)
                        from jsonb_array_elements(i.targets) t))::text as reports_json
            from %1$s i
            left join projection.agency a on a.agency_id = i.lead_agency_id
            left join lateral (
                select * from p where p.indicator_id = i.indicator_id and (cast(? as varchar) is null or p.period = ?)
            """.replace("%2$s", PERIOD_END.formatted("(t ->> 'period')")) + StatusColumns.LATEST_PERIOD_ORDER + " limit 1) pp on true\n";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final AsOf asOf;

    public IndicatorQueries(JdbcTemplate jdbc, JsonColumns json, AsOf asOf) {
        this.jdbc = jdbc;
        this.json = json;
        this.asOf = asOf;
    }

    /**
     * What a list asks for, each part optional: a plan, a lead agency, a status, and the period to assess (null: each
     * indicator's latest reported period).
     */
    public record Filter(String planId, String agencyId, IndicatorStatus status, Period period) {
    }

    /**
     * One page of the indicators {@code scope} sees (it leads or monitors them), in plan and code order. Plan, agency
     * and scope are filtered and the page is cut in SQL: by offset ({@code request.page()}), or, {@code after} an
     * indicator, by its plan and code (a keyset: a deep page costs what the first does). Each page says where the next
     * starts ({@code next}). A status filter is applied in SQL too, on each row's stored status span
     * ({@link StatusColumns}), for the latest reported periods now; for an asked period, or as of a past moment, the
     * list is assessed whole and cut afterwards.
     */
    public Page<IndicatorView.Status> page(Filter filter, Scope scope, AsOf.Moment at, Page.Request request, String after) {
        if (!statusInSql(filter, at)) {
            List<IndicatorView.Status> all = list(filter, scope, at);
            if (after != null) {
                int from = indexOf(all, after) + 1;
                all = all.subList(from, all.size());
            }
            Page<IndicatorView.Status> cut = (after == null ? request : new Page.Request(0, request.size())).cut(all);
            boolean more = (after == null ? request.offset() : 0) + request.size() < all.size();
            return more ? cut.withNext(cut.items().get(cut.items().size() - 1).indicatorId()) : cut;
        }
        List<Object> countArgs = new ArrayList<>(rowArgs(at));
        long total = jdbc.queryForObject(rows(at) + "select count(*) from i where true" + where(filter, scope, at, countArgs),
                Long.class, countArgs.toArray());
        if (after != null) {
            requireVisible(after, filter, scope, at);
        }
        // one row more than the page: whether another page follows
        List<IndicatorView.Status> rows = select(filter, scope, at, after,
                " limit " + (request.size() + 1) + (after == null ? " offset " + request.offset() : ""));
        boolean more = rows.size() > request.size();
        List<IndicatorView.Status> items = more ? rows.subList(0, request.size()) : rows;
        Page<IndicatorView.Status> page = (after == null ? request : new Page.Request(0, request.size())).of(items, total);
        return more ? page.withNext(items.get(items.size() - 1).indicatorId()) : page;
    }

    private static int indexOf(List<IndicatorView.Status> all, String indicatorId) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).indicatorId().equals(indicatorId)) {
                return i;
            }
        }
        throw new BadQuery("after", "no indicator " + indicatorId + " in this list");
    }

    /**
     * How many of the indicators {@code scope} sees that match the filter (its status aside) are in each status, every
     * status named (0 for none): counted in SQL on the stored spans now; for an asked period, or as of a past moment,
     * from the list assessed whole.
     */
    public Map<IndicatorStatus, Integer> counts(Filter filter, Scope scope, AsOf.Moment at) {
        Filter any = new Filter(filter.planId(), filter.agencyId(), null, filter.period());
        if (filter.period() != null || !at.isNow()) {
            Map<IndicatorStatus, Integer> counts = StatusColumns.noCounts(IndicatorStatus.class);
            list(any, scope, at).forEach(view -> counts.merge(view.status(), 1, Integer::sum));
            return counts;
        }
        List<Object> args = new ArrayList<>();
        String where = where(any, scope, at, args);
        return StatusColumns.countByStatus(jdbc, IndicatorStatus.class, rows(at), "i", where, args, asOf.today(at));
    }

    /** A status is filtered in SQL for the latest reported periods now: the stored spans are those of the rows now. */
    private static boolean statusInSql(Filter filter, AsOf.Moment at) {
        return filter.status() == null || (filter.period() == null && at.isNow());
    }

    /** A cursor names an indicator of the same list (filter and scope), else the page after it means nothing. */
    private void requireVisible(String indicatorId, Filter filter, Scope scope, AsOf.Moment at) {
        List<Object> args = new ArrayList<>(rowArgs(at));
        String where = where(filter, scope, at, args);
        args.add(indicatorId);
        if (!Boolean.TRUE.equals(jdbc.queryForObject(rows(at) + "select exists(select 1 from i where true" + where + " and i.indicator_id = ?)",
                Boolean.class, args.toArray()))) {
            throw new BadQuery("after", "no indicator " + indicatorId + " in this list");
        }
    }

    /** Every indicator {@code scope} sees that matches the filter. */
    public List<IndicatorView.Status> list(Filter filter, Scope scope, AsOf.Moment at) {
        List<IndicatorView.Status> rows = select(filter, scope, at, null, "");
        return statusInSql(filter, at) ? rows : rows.stream().filter(view -> view.status() == filter.status()).toList();
    }

    /** The page is cut before each row's latest value and reports are looked up, so only its rows pay for them. */
    private List<IndicatorView.Status> select(Filter filter, Scope scope, AsOf.Moment at, String after, String limit) {
        List<Object> args = new ArrayList<>(rowArgs(at));
        String keyset = "";
        String where = where(filter, scope, at, args);
        if (after != null) {
            keyset = " and (i.plan_id, i.code) > (select a.plan_id, a.code from i a where a.indicator_id = ?)";
            args.add(after);
        }
        String page = "(select * from i where true" + where + keyset + " order by i.plan_id, i.code" + limit + ")";
        Period period = filter.period();
        args.add(period == null ? null : period.code());
        args.add(period == null ? null : period.code());
        String sql = rows(at) + SELECT.formatted(page) + " order by i.plan_id, i.code";
        LocalDate today = asOf.today(at);
        return jdbc.query(sql, (rs, i) -> toStatus(rs, period, today), args.toArray());
    }

    private String where(Filter filter, Scope scope, AsOf.Moment at, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (filter.planId() != null) {
            sql.append(" and i.plan_id = ?");
            args.add(filter.planId());
        }
        if (filter.agencyId() != null) {
            sql.append(" and i.lead_agency_id = ?");
            args.add(filter.agencyId());
        }
        if (!scope.isAll()) {
            sql.append(" and (i.lead_agency_id = any(cast(? as text[])) or i.monitoring_agency_id = any(cast(? as text[])))");
            args.add(scope.sqlArray());
            args.add(scope.sqlArray());
        }
        if (filter.status() != null && statusInSql(filter, at)) {
            sql.append(" and ").append(StatusColumns.statusOn("i")).append(" = ?");
            args.add(asOf.today(at));
            args.add(filter.status().name());
        }
        return sql.toString();
    }

    public IndicatorView.Status get(String indicatorId, Period period, AsOf.Moment at) {
        List<Object> args = new ArrayList<>(rowArgs(at));
        args.add(indicatorId);
        args.add(period == null ? null : period.code());
        args.add(period == null ? null : period.code());
        LocalDate today = asOf.today(at);
        return jdbc.query(rows(at) + SELECT.formatted("(select * from i where i.indicator_id = ?)"), (rs, i) -> toStatus(rs, period, today),
                        args.toArray())
                .stream().findFirst().orElseThrow(() -> new NotFound("indicator", indicatorId));
    }

    /** The time series: every reported period, oldest first, each assessed against the target in force for it. */
    public List<IndicatorView.SeriesPoint> series(String indicatorId, AsOf.Moment at) {
        IndicatorView.Status indicator = get(indicatorId, null, at);
        LocalDate today = asOf.today(at);
        List<Object> args = new ArrayList<>(rowArgs(at));
        args.add(indicatorId);
        return jdbc.query(rows(at) + "select p.*, p.value::text as value_json, p.evidence::text as evidence_json, "
                        + "p.pending_correction::text as pending_json "
                        + "from p where indicator_id = ? order by period_end, period",
                (rs, i) -> {
                    Period period = Period.parse(rs.getString("period"));
                    MeasuredValue value = json.read(rs.getString("value_json"), MeasuredValue.class);
                    StatusRules.Assessment a = StatusRules.assess(indicator.measure(), indicator.baseline(), indicator.targets(),
                            indicator.planStart(), period, value, today);
                    int corrections = rs.getInt("correction_count");
                    return new IndicatorView.SeriesPoint(period.code(), value, a.target(), a.expected(), a.status(), a.status().label(),
                            rs.getString("report_id"), rs.getObject("reported_at", OffsetDateTime.class), rs.getString("reported_by"),
                            rs.getString("reported_for"), rs.getString("note"), json.read(rs.getString("evidence_json"), EVIDENCE),
                            corrections > 0, corrections, rs.getObject("last_corrected_at", OffsetDateTime.class),
                            rs.getString("last_corrected_by"), rs.getString("last_correction_reason"), rs.getBoolean("approved"),
                            rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class),
                            json.read(rs.getString("pending_json"), JsonNode.class));
                }, args.toArray());
    }

    /** The indicators implementing {@code indicatorId} (linked to it) at the moment, by plan and code. */
    /** An indicator implementing another for a period, with its weight there. */
    public record Implementer(String indicatorId, BigDecimal weight) {
    }

    /**
     * The indicators implementing {@code indicatorId} for {@code period} as recorded at {@code at}: linked by then, for
     * the periods ending on or after the link's date, and not unlinked by then for this period (an unlink's date ends
     * the periods ending on or after it; one without a date ends them all). With no period: those implementing it for
     * some period.
     */
    public List<Implementer> implementedBy(String indicatorId, Period period, AsOf.Moment at) {
        List<Object> args = new ArrayList<>(List.of(indicatorId, at.recordedBy()));
        String forPeriod;
        if (period == null) {
            forPeriod = "and not (s.unlinked_at is not null and s.unlinked_at <= ? and s.effective_to is null) ";
            args.add(at.recordedBy());
        } else {
            forPeriod = "and (s.effective_from is null or s.effective_from <= ?) "
                    + "and not (s.unlinked_at is not null and s.unlinked_at <= ? and (s.effective_to is null or s.effective_to <= ?)) ";
            args.addAll(List.of(period.end(), at.recordedBy(), period.end()));
        }
        return jdbc.query("select distinct on (i.plan_id, i.code) s.indicator_id, s.weight from projection.indicator_link_span s "
                        + "join projection.indicator i on i.indicator_id = s.indicator_id "
                        + "where s.implements_id = ? and s.linked_at <= ? " + forPeriod
                        + "order by i.plan_id, i.code, s.version desc",
                (rs, n) -> new Implementer(rs.getString(1), rs.getBigDecimal(2)), args.toArray());
    }

    /** A target that changed after the indicator was defined: when (and the province's day), for which period, from what to what. */
    public record TargetRevision(OffsetDateTime recordedAt, LocalDate day, String period, String before, String after) {
    }

    /**
     * The indicator's target revisions recorded up to {@code at}, oldest first, read from its as-of history (each
     * version's targets against the version before), so whoever may read the indicator sees when its goal moved.
     */
    public List<TargetRevision> targetRevisions(String indicatorId, AsOf.Moment at) {
        List<TargetRevision> revisions = new ArrayList<>();
        jdbc.query("select recorded_at, targets, before from (select recorded_at, version, (state -> 'targets')::text as targets, "
                        + "lag((state -> 'targets')::text) over (order by version) as before from projection.indicator_history "
                        + "where indicator_id = ? and recorded_at <= ?) h where before is not null and targets <> before order by version",
                rs -> {
                    OffsetDateTime recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
                    LocalDate day = recordedAt.atZoneSameInstant(asOf.zone()).toLocalDate();
                    Map<String, Target> old = byPeriod(json.read(rs.getString("before"), IndicatorProjection.TARGETS));
                    Map<String, Target> now = byPeriod(json.read(rs.getString("targets"), IndicatorProjection.TARGETS));
                    now.forEach((period, target) -> {
                        Target was = old.get(period);
                        if (!target.equals(was)) {
                            revisions.add(new TargetRevision(recordedAt, day, period, was == null ? null : was.asWritten(), target.asWritten()));
                        }
                    });
                }, indicatorId, at.recordedBy());
        return revisions;
    }

    private static Map<String, Target> byPeriod(List<Target> targets) {
        Map<String, Target> map = new LinkedHashMap<>();
        targets.forEach(t -> map.put(t.period().code(), t));
        return map;
    }

    private static String rows(AsOf.Moment at) {
        return at.isNow() ? ROWS_NOW : ROWS_AS_OF;
    }

    private static List<Object> rowArgs(AsOf.Moment at) {
        return at.isNow() ? List.of() : List.of(at.utc(), at.utc());
    }

    private IndicatorView.Status toStatus(ResultSet rs, Period askedPeriod, LocalDate today) throws SQLException {
        Measure measure = json.read(rs.getString("measure"), Measure.class);
        MeasuredValue baseline = json.read(rs.getString("baseline"), MeasuredValue.class);
        String targetsJson = rs.getString("targets_json");
        List<Target> targets = targetsJson == null ? List.of() : json.read(targetsJson, IndicatorProjection.TARGETS);
        String reported = rs.getString("period");
        MeasuredValue value = json.read(rs.getString("value_json"), MeasuredValue.class);
        // Assess the asked period, else the latest reported one (what the stored status spans say, StatusColumns).
        Period latestReported = reported == null ? null : Period.parse(reported);
        Period period = askedPeriod != null ? askedPeriod : latestReported;
        LocalDate planStart = rs.getObject("plan_start", LocalDate.class);
        StatusRules.Assessment a = askedPeriod != null ? StatusRules.assess(measure, baseline, targets, planStart, askedPeriod, value, today)
                : StatusRules.latest(measure, baseline, targets, planStart, latestReported, value, today);
        String reportsJson = rs.getString("reports_json");
        List<StatusRules.Reported> reports = reportsJson == null ? List.of() : json.read(reportsJson, REPORTS);
        List<StatusRules.Milestone> milestones = StatusRules.milestones(measure, baseline, targets, planStart, reports, today);
        return new IndicatorView.Status(rs.getString("indicator_id"), rs.getString("plan_id"), planStart,
                rs.getObject("plan_end", LocalDate.class), rs.getString("code"),
                rs.getString("name"), json.read(rs.getString("group_path_json"), GROUP_PATH), rs.getString("unit"), measure,
                Direction.valueOf(rs.getString("direction")),
                rs.getString("lead_agency_id"), rs.getString("lead_agency_name"), rs.getString("monitoring_agency_id"),
                baseline, rs.getString("baseline_as_written"), targets, period != null ? period.code() : null,
                value, a.target(), a.expected(), a.status(), a.status().label(),
                rs.getObject("reported_at", OffsetDateTime.class), rs.getString("reported_by"),
                reported == null ? null : rs.getBoolean("approved"), rs.getInt("correction_count"), milestones, rs.getLong("version"),
                rs.getString("implements_id"), rs.getBigDecimal("implements_weight"),
                rs.getString("roll_up_rule") == null ? null : RollUpRule.valueOf(rs.getString("roll_up_rule")), rs.getString("roll_up_weight_label"));
    }
}
