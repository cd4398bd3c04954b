package vn.tiendo.query.indicator;

import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.StatusRules;
import vn.tiendo.query.web.NotFound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the indicator projection and applies the status rules with the injected clock. Filtering by plan and agency
 * happens in SQL; by status after assessment, since status depends on today's date.
 */
@Component
public class IndicatorQueries {

    private static final TypeReference<List<EvidenceRef>> EVIDENCE = new TypeReference<>() {
    };

    private static final String SELECT = """
            select i.*, i.targets::text as targets_json, a.name as lead_agency_name,
                   p.period, p.value::text as value_json, p.reported_at, p.reported_by, p.correction_count
            from projection.indicator i
            left join projection.agency a on a.agency_id = i.lead_agency_id
            left join lateral (
                select * from projection.indicator_period p
                where p.indicator_id = i.indicator_id and (cast(? as varchar) is null or p.period = ?)
                order by p.period_end desc limit 1) p on true
            where true
            """;

    /**
     * The same view as it was recorded at a past moment: only indicators defined by then, the targets in force then,
     * and for each period the last value recorded by then (later corrections left out).
     */
    private static final String SELECT_AS_OF = """
            select i.*, a.name as lead_agency_name,
                   (select jsonb_agg(h.target)::text from (
                       select distinct on (th.period) th.target
                       from projection.indicator_target_history th
                       where th.indicator_id = i.indicator_id and th.recorded_at <= ?
                       order by th.period, th.recorded_at desc) h) as targets_json,
                   v.period, v.value::text as value_json, v.recorded_at as reported_at, v.recorded_by as reported_by,
                   (select count(*) from projection.indicator_value_history c where c.indicator_id = i.indicator_id
                      and c.period = v.period and c.change = 'CORRECTED' and c.recorded_at <= ?) as correction_count
            from projection.indicator i
            left join projection.agency a on a.agency_id = i.lead_agency_id
            left join lateral (
                select * from projection.indicator_value_history vh
                where vh.indicator_id = i.indicator_id and vh.recorded_at <= ? and (cast(? as varchar) is null or vh.period = ?)
                order by vh.period_end desc, vh.recorded_at desc limit 1) v on true
            where i.defined_at <= ?
            """;

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final Clock clock;

    public IndicatorQueries(JdbcTemplate jdbc, JsonColumns json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Indicators of a plan and/or lead agency, assessed for {@code period} (null: each one's latest reported period). */
    public List<IndicatorView.Status> list(String planId, String agencyId, IndicatorStatus status, Period period) {
        return list(planId, agencyId, status, period, null);
    }

    /**
     * As {@link #list(String, String, IndicatorStatus, Period)}, but as the platform recorded it at {@code asOf}
     * (null: now); statuses are then judged on that day.
     */
    public List<IndicatorView.Status> list(String planId, String agencyId, IndicatorStatus status, Period period, Instant asOf) {
        String periodCode = period == null ? null : period.code();
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        if (asOf == null) {
            sql.append(SELECT);
            args.addAll(Arrays.asList(periodCode, periodCode));
        } else {
            sql.append(SELECT_AS_OF);
            OffsetDateTime at = asOf.atOffset(ZoneOffset.UTC);
            args.addAll(Arrays.asList(at, at, at, periodCode, periodCode, at));
        }
        if (planId != null) {
            sql.append(" and i.plan_id = ?");
            args.add(planId);
        }
        if (agencyId != null) {
            sql.append(" and i.lead_agency_id = ?");
            args.add(agencyId);
        }
        sql.append(" order by i.plan_id, i.code");
        LocalDate today = asOf == null ? LocalDate.now(clock) : LocalDate.ofInstant(asOf, clock.getZone());
        return jdbc.query(sql.toString(), (rs, i) -> toStatus(rs, period, today), args.toArray()).stream()
                .filter(view -> status == null || view.status() == status)
                .toList();
    }

    public IndicatorView.Status get(String indicatorId, Period period) {
        String periodCode = period == null ? null : period.code();
        LocalDate today = LocalDate.now(clock);
        return jdbc.query(SELECT + " and i.indicator_id = ?", (rs, i) -> toStatus(rs, period, today), periodCode, periodCode, indicatorId)
                .stream().findFirst().orElseThrow(() -> new NotFound("indicator", indicatorId));
    }

    /** The time series: every reported period, oldest first, each assessed against the target in force for it. */
    public List<IndicatorView.SeriesPoint> series(String indicatorId) {
        IndicatorView.Status indicator = get(indicatorId, null);
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("select p.*, p.value::text as value_json, p.evidence::text as evidence_json "
                        + "from projection.indicator_period p where indicator_id = ? order by period_end, period",
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
                            rs.getString("last_corrected_by"), rs.getString("last_correction_reason"));
                }, indicatorId);
    }

    private IndicatorView.Status toStatus(ResultSet rs, Period askedPeriod, LocalDate today) throws SQLException {
        Measure measure = json.read(rs.getString("measure"), Measure.class);
        MeasuredValue baseline = json.read(rs.getString("baseline"), MeasuredValue.class);
        String targetsJson = rs.getString("targets_json");
        List<Target> targets = targetsJson == null ? List.of() : json.read(targetsJson, IndicatorProjection.TARGETS);
        String reported = rs.getString("period");
        MeasuredValue value = json.read(rs.getString("value_json"), MeasuredValue.class);
        // Assess the asked period, else the latest reported one, else the current month (nothing reported yet).
        Period period = askedPeriod != null ? askedPeriod
                : reported != null ? Period.parse(reported) : Period.month(java.time.YearMonth.from(today));
        LocalDate planStart = rs.getObject("plan_start", LocalDate.class);
        StatusRules.Assessment a = StatusRules.assess(measure, baseline, targets, planStart, period, value, today);
        return new IndicatorView.Status(rs.getString("indicator_id"), rs.getString("plan_id"), planStart,
                rs.getObject("plan_end", LocalDate.class), rs.getString("code"),
                rs.getString("name"), rs.getString("unit"), measure, Direction.valueOf(rs.getString("direction")),
                rs.getString("lead_agency_id"), rs.getString("lead_agency_name"), rs.getString("monitoring_agency_id"),
                baseline, rs.getString("baseline_as_written"), targets, reported != null || askedPeriod != null ? period.code() : null,
                value, a.target(), a.expected(), a.status(), a.status().label(),
                rs.getObject("reported_at", OffsetDateTime.class), rs.getString("reported_by"), rs.getInt("correction_count"),
                rs.getLong("version"));
    }
}
