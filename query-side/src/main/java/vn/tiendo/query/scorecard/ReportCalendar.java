package vn.tiendo.query.scorecard;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.query.audit.AnomalyRules;
import vn.tiendo.query.web.AsOf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reporting calendar: every indicator owes a report for each month of its plan, from the month after the plan
 * was issued (its start when undated), due on day {@code reportDueDay} of the next month (the plans: before the
 * 20th). Each report is attributed to the agency that led the indicator on its due date, as recorded, and judged:
 * on time (recorded by the end of its due day, in the province's zone), late, missing (due day passed, nothing
 * recorded) or not yet due. As of a moment, only what was recorded by then counts.
 */
@Component
public class ReportCalendar {

    public enum Timeliness { ON_TIME, LATE, MISSING, NOT_YET_DUE }

    /** One report owed: what, for which month, by whom, when due, and when it came in (null: not yet). */
    public record ReportDue(String indicatorId, String code, String name, String planId, String period, LocalDate dueDate,
                            String agencyId, String reportId, OffsetDateTime reportedAt, String reportedBy, Timeliness timeliness) {
    }

    /** {@code %1$s}: the columns read; {@code %2$s}: their order, if any. */
    private static final String SQL = """
            with ind as (
                select i.indicator_id, i.code, i.name, i.plan_id, i.plan_start, i.plan_end, pl.issued_on
                from projection.indicator i join projection.plan pl on pl.plan_id = i.plan_id
                where exists (select 1 from projection.indicator_lead l where l.indicator_id = i.indicator_id and l.recorded_at <= ?)
            ), months as (
                select ind.*, m::date as month_start, (m + interval '1 month')::date + (? - 1) as due_date
                from ind cross join lateral generate_series(
                    date_trunc('month', greatest(ind.plan_start, coalesce((ind.issued_on + interval '1 month')::date, ind.plan_start), cast(? as date))),
                    date_trunc('month', least(ind.plan_end, cast(? as date))), interval '1 month') m
            )
            select %1$s from (
            select mo.indicator_id, mo.code, mo.name, mo.plan_id, mo.month_start, to_char(mo.month_start, 'YYYY-MM') as period, mo.due_date,
                   coalesce((select l.lead_agency_id from projection.indicator_lead l
                             where l.indicator_id = mo.indicator_id
                               and l.recorded_at <= least(cast(? as timestamptz), (mo.due_date + 1)::timestamp at time zone cast(? as text))
                             order by l.version desc limit 1),
                            (select l.lead_agency_id from projection.indicator_lead l
                             where l.indicator_id = mo.indicator_id order by l.version limit 1)) as agency_id,
                   p.report_id, p.reported_at, p.reported_by
            from months mo
            left join projection.indicator_period p on p.indicator_id = mo.indicator_id
                 and p.period = to_char(mo.month_start, 'YYYY-MM') and p.reported_at <= ?
            where not cast(? as boolean) or (p.report_id is null and mo.due_date < cast(? as date))
            ) owed where cast(? as varchar) is null or agency_id = ?
            %2$s
            """;

    private final JdbcTemplate jdbc;
    private final AnomalyRules rules;
    private final AsOf asOf;

    public ReportCalendar(JdbcTemplate jdbc, AnomalyRules rules, AsOf asOf) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.asOf = asOf;
    }

    /**
     * The reports owed for the months {@code from} to {@code to}, as recorded at {@code at}, judged on that day: by
     * one agency ({@code agencyId}), or by every agency (null).
     */
    public List<ReportDue> reports(YearMonth from, YearMonth to, String agencyId, AsOf.Moment at) {
        return reports(from, to, agencyId, false, at);
    }

    /**
     * Only the reports missing at {@code at} (due day passed, nothing recorded), by every agency: the months already
     * reported are left out before the rest are attributed to their agencies (a lookup each in the table of leads).
     */
    public List<ReportDue> missing(YearMonth from, YearMonth to, AsOf.Moment at) {
        return reports(from, to, null, true, at);
    }

    private List<ReportDue> reports(YearMonth from, YearMonth to, String agencyId, boolean missingOnly, AsOf.Moment at) {
        LocalDate today = asOf.today(at);
        return jdbc.query(SQL.formatted("*", "order by month_start, plan_id, code"), (rs, i) -> {
            LocalDate due = rs.getObject("due_date", LocalDate.class);
            OffsetDateTime reportedAt = rs.getObject("reported_at", OffsetDateTime.class);
            return new ReportDue(rs.getString("indicator_id"), rs.getString("code"), rs.getString("name"), rs.getString("plan_id"),
                    rs.getString("period"), due, rs.getString("agency_id"), rs.getString("report_id"), reportedAt,
                    rs.getString("reported_by"), judge(due, reportedAt, today));
        }, args(from, to, agencyId, missingOnly, at));
    }

    /**
     * How many reports each agency owed for the months {@code from} to {@code to} came in on time, late, or are
     * missing, as recorded at {@code at} (those not yet due left out): the same reports as {@link #reports}, read
     * without their names and order, for a ranking of every agency (at a province's size, hundreds of thousands).
     */
    public Map<String, Map<Timeliness, Integer>> countsByAgency(YearMonth from, YearMonth to, AsOf.Moment at) {
        LocalDate today = asOf.today(at);
        Map<String, Map<Timeliness, Integer>> counts = new HashMap<>();
        jdbc.query(SQL.formatted("agency_id, due_date, reported_at", ""), rs -> {
            Timeliness timeliness = judge(rs.getObject("due_date", LocalDate.class), rs.getObject("reported_at", OffsetDateTime.class), today);
            if (timeliness != Timeliness.NOT_YET_DUE) {
                counts.computeIfAbsent(rs.getString("agency_id"), k -> new EnumMap<>(Timeliness.class)).merge(timeliness, 1, Integer::sum);
            }
        }, args(from, to, null, false, at));
        return counts;
    }

    private Object[] args(YearMonth from, YearMonth to, String agencyId, boolean missingOnly, AsOf.Moment at) {
        Instant moment = at.isNow() ? asOf.now() : at.instant();
        OffsetDateTime recordedBy = moment.atOffset(ZoneOffset.UTC);
        return new Object[]{recordedBy, rules.reportDueDay(), from.atDay(1), to.atDay(1), recordedBy, asOf.zone().getId(), recordedBy,
                missingOnly, asOf.today(at), agencyId, agencyId};
    }

    private Timeliness judge(LocalDate due, OffsetDateTime reportedAt, LocalDate today) {
        return judge(due, reportedAt == null ? null : reportedAt.atZoneSameInstant(asOf.zone()).toLocalDate(), today);
    }

    /** {@code reportedOn}: the day the report was recorded in the province's zone, null when it was not. */
    static Timeliness judge(LocalDate due, LocalDate reportedOn, LocalDate today) {
        if (reportedOn != null) {
            return reportedOn.isAfter(due) ? Timeliness.LATE : Timeliness.ON_TIME;
        }
        return today.isAfter(due) ? Timeliness.MISSING : Timeliness.NOT_YET_DUE;
    }
}
