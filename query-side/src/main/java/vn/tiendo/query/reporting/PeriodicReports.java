package vn.tiendo.query.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.plan.ReportingCycle;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.web.AsOf;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The periodic-report calendar: for each reporting duty of a plan, each of its periods that has begun within the
 * plan's period, and each agency that owes it (the named reporter, or every agency leading an indicator or task of
 * the plan), the due day and whether the report came on time (recorded by the end of the due day, in the province's
 * zone), late, is missing (due day passed, nothing recorded) or is not yet due. As of a moment, only duties and
 * reports recorded by then count, and a duty withdrawn by then owes nothing due after it was withdrawn.
 */
@Component
public class PeriodicReports {

    public enum Timeliness { ON_TIME, LATE, MISSING, NOT_YET_DUE }

    /** One report owed. */
    public record Owed(String planId, String obligationId, String dutyAsWritten, String cycle, String period, String agencyId,
                       String recipientAgencyId, LocalDate dueDate, OffsetDateTime submittedAt, String submittedBy,
                       JsonNode evidence, Timeliness timeliness) {
    }

    public record Counts(int due, int onTime, int late, int missing, int notYetDue) {
        static Counts of(List<Owed> owed) {
            int onTime = count(owed, Timeliness.ON_TIME);
            int late = count(owed, Timeliness.LATE);
            int missing = count(owed, Timeliness.MISSING);
            return new Counts(onTime + late + missing, onTime, late, missing, count(owed, Timeliness.NOT_YET_DUE));
        }

        private static int count(List<Owed> owed, Timeliness t) {
            return (int) owed.stream().filter(o -> o.timeliness() == t).count();
        }
    }

    public record Calendar(Counts counts, List<Owed> reports) {
    }

    /** A reporting duty as declared. */
    public record Duty(String planId, String obligationId, String reporterAgencyId, String recipientAgencyId, ReportingCycle cycle,
                       int dueDay, int dueMonthOffset, String asWritten, OffsetDateTime declaredAt, OffsetDateTime withdrawnAt) {
    }

    private record Submission(OffsetDateTime at, String by, JsonNode evidence) {
    }

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final AsOf asOf;

    public PeriodicReports(JdbcTemplate jdbc, JsonColumns json, AsOf asOf) {
        this.jdbc = jdbc;
        this.json = json;
        this.asOf = asOf;
    }

    /** The duties recorded by {@code at} ({@code planId} null: every plan's). */
    public List<Duty> duties(String planId, AsOf.Moment at) {
        OffsetDateTime until = at.recordedBy();
        return jdbc.query("select * from projection.reporting_obligation where declared_at <= ? and (cast(? as varchar) is null or plan_id = ?) "
                        + "order by plan_id, declared_at, obligation_id",
                (rs, i) -> {
                    OffsetDateTime withdrawn = rs.getObject("withdrawn_at", OffsetDateTime.class);
                    return new Duty(rs.getString("plan_id"), rs.getString("obligation_id"), rs.getString("reporter_agency_id"),
                            rs.getString("recipient_agency_id"), ReportingCycle.valueOf(rs.getString("cycle")), rs.getInt("due_day"),
                            rs.getInt("due_month_offset"), rs.getString("as_written"), rs.getObject("declared_at", OffsetDateTime.class),
                            withdrawn != null && !withdrawn.isAfter(until) ? withdrawn : null);
                }, until, planId, planId);
    }

    /**
     * What was owed, by whom and how it went. {@code agencyId}: only that agency's reports (as reporter); the scope
     * keeps the reports an agency in it sends or receives.
     */
    public Calendar calendar(String planId, String agencyId, LocalDate from, LocalDate to, Scope scope, AsOf.Moment at) {
        LocalDate today = asOf.today(at);
        OffsetDateTime until = at.recordedBy();
        Map<String, Submission> submissions = new HashMap<>();
        jdbc.query("select plan_id, obligation_id, period, agency_id, submitted_at, submitted_by, evidence::text as evidence "
                        + "from projection.periodic_report where submitted_at <= ?",
                rs -> {
                    submissions.put(key(rs.getString("plan_id"), rs.getString("obligation_id"), rs.getString("period"), rs.getString("agency_id")),
                            new Submission(rs.getObject("submitted_at", OffsetDateTime.class).atZoneSameInstant(asOf.zone()).toOffsetDateTime(),
                                    rs.getString("submitted_by"),
                                    json.read(rs.getString("evidence"), JsonNode.class)));
                }, until);
        List<Owed> owed = new ArrayList<>();
        for (Duty duty : duties(planId, at)) {
            Optional<LocalDate[]> planPeriod = planPeriod(duty.planId());
            if (planPeriod.isEmpty()) {
                continue;
            }
            LocalDate first = max(planPeriod.get()[0], from);
            LocalDate last = min(planPeriod.get()[1], to);
            List<String> reporters = duty.reporterAgencyId() != null ? List.of(duty.reporterAgencyId()) : leadAgencies(duty.planId());
            for (Period period : duty.cycle().periods(first, last)) {
                LocalDate due = ReportingCycle.dueDate(period, duty.dueDay(), duty.dueMonthOffset());
                boolean begun = !period.start().isAfter(today);
                boolean withdrawnBefore = duty.withdrawnAt() != null && day(duty.withdrawnAt()).isBefore(due);
                if (!begun || withdrawnBefore || !period.within(planPeriod.get()[0], planPeriod.get()[1])) {
                    continue;
                }
                for (String reporter : reporters) {
                    if ((agencyId != null && !agencyId.equals(reporter))
                            || !(scope.includes(reporter) || scope.includes(duty.recipientAgencyId()))) {
                        continue;
                    }
                    Submission sent = submissions.get(key(duty.planId(), duty.obligationId(), period.code(), reporter));
                    Timeliness timeliness = sent != null ? (day(sent.at()).isAfter(due) ? Timeliness.LATE : Timeliness.ON_TIME)
                            : today.isAfter(due) ? Timeliness.MISSING : Timeliness.NOT_YET_DUE;
                    owed.add(new Owed(duty.planId(), duty.obligationId(), duty.asWritten(), duty.cycle().name(), period.code(), reporter,
                            duty.recipientAgencyId(), due, sent == null ? null : sent.at(), sent == null ? null : sent.by(),
                            sent == null ? null : sent.evidence(), timeliness));
                }
            }
        }
        owed.sort(Comparator.comparing(Owed::dueDate).thenComparing(Owed::planId).thenComparing(Owed::obligationId).thenComparing(Owed::agencyId));
        return new Calendar(Counts.of(owed), owed);
    }

    private Optional<LocalDate[]> planPeriod(String planId) {
        return jdbc.query("select period_start, period_end from projection.plan where plan_id = ?",
                (rs, i) -> new LocalDate[]{rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}, planId).stream().findFirst();
    }

    /** The agencies leading an indicator or task of the plan now. */
    private List<String> leadAgencies(String planId) {
        return jdbc.queryForList("select lead_agency_id from projection.indicator where plan_id = ? union "
                + "select lead_agency_id from projection.task where plan_id = ? order by 1", String.class, planId, planId);
    }

    private LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(asOf.zone()).toLocalDate();
    }

    private static String key(String planId, String obligationId, String period, String agencyId) {
        return planId + "|" + obligationId + "|" + period + "|" + agencyId;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
