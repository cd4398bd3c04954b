package vn.tiendo.query.directory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.task.TaskQueries;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plans, agencies and the agency summary (counts by status), computed from the same views the lists show. */
@Component
public class DirectoryQueries {

    public record PlanView(String planId, String documentNumber, LocalDate issuedOn, String issuer, String title,
                           LocalDate periodStart, LocalDate periodEnd) {
    }

    /**
     * {@code aliases}: the other names confirmed for the agency, which imports take as its; {@code mergedInto} and
     * {@code closedOn}: the agency it was merged into and from when (null while it lasts).
     */
    public record AgencyView(String agencyId, String name, AgencyKind kind, String parentAgencyId, List<String> aliases, String mergedInto,
                             LocalDate closedOn) {

        static AgencyView read(ResultSet rs) throws SQLException {
            return new AgencyView(rs.getString("agency_id"), rs.getString("name"), AgencyKind.valueOf(rs.getString("kind")),
                    rs.getString("parent_agency_id"), List.of((String[]) rs.getArray("aliases").getArray()), rs.getString("merged_into"),
                    rs.getObject("closed_on", LocalDate.class));
        }
    }

    /**
     * A change of an agency (RENAMED, MOVED to another parent, MERGED into another, SPLIT into parts), from a date, by a
     * decision: {@code before} and {@code after} are the names, the parents, the merged agency and its successor, or the
     * split agency and its parts (comma-separated).
     */
    public record AgencyChange(String agencyId, String change, String before, String after, LocalDate effectiveDate, String decisionReference,
                               OffsetDateTime recordedAt) {
    }

    /** The agency's changes and the mergers into it and splits it is a part of, oldest first (recorded by {@code at}). */
    public List<AgencyChange> changes(String agencyId, AsOf.Moment at) {
        return jdbc.query("select * from projection.agency_change where (agency_id = ? or (change = 'MERGED' and after_value = ?) "
                        + "or (change = 'SPLIT' and ? = any(string_to_array(after_value, ', ')))) "
                        + "and recorded_at <= ? order by effective_date, recorded_at, agency_id",
                (rs, i) -> new AgencyChange(rs.getString("agency_id"), rs.getString("change"), rs.getString("before_value"),
                        rs.getString("after_value"), rs.getObject("effective_date", LocalDate.class), rs.getString("decision_reference"),
                        rs.getObject("recorded_at", OffsetDateTime.class)),
                agencyId, agencyId, agencyId, at.recordedBy());
    }

    /** A member of a group, with its name now. */
    public record GroupMember(String agencyId, String name) {
    }

    /**
     * A collective assignee: the name the plans write (and {@code otherNames}), the agency answering for the whole, its
     * members now (since {@code membersSince} when they changed), why it was defined and when it was recorded.
     */
    public record GroupView(String groupId, String name, List<String> otherNames, String ownerAgencyId, String ownerAgencyName,
                            List<GroupMember> members, String reason, OffsetDateTime definedAt, LocalDate membersSince) {
    }

    /** Every group, or those an agency answers for or belongs to, by name. */
    public List<GroupView> groups(String agencyId) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (agencyId != null) {
            where = " where g.owner_agency_id = ? or exists (select 1 from projection.agency_group_member m where m.group_id = g.group_id "
                    + "and m.agency_id = ?)";
            args.add(agencyId);
            args.add(agencyId);
        }
        return jdbc.query("select g.*, o.name as owner_name, array(select m.agency_id from projection.agency_group_member m "
                        + "where m.group_id = g.group_id order by m.position) as member_ids, array(select coalesce(a.name, m.agency_id) "
                        + "from projection.agency_group_member m left join projection.agency a on a.agency_id = m.agency_id "
                        + "where m.group_id = g.group_id order by m.position) as member_names "
                        + "from projection.agency_group g left join projection.agency o on o.agency_id = g.owner_agency_id" + where
                        + " order by g.name, g.group_id",
                (rs, i) -> {
                    String[] ids = (String[]) rs.getArray("member_ids").getArray();
                    String[] names = (String[]) rs.getArray("member_names").getArray();
                    List<GroupMember> members = new ArrayList<>();
                    for (int m = 0; m < ids.length; m++) {
                        members.add(new GroupMember(ids[m], names[m]));
                    }
                    return new GroupView(rs.getString("group_id"), rs.getString("name"), List.of((String[]) rs.getArray("other_names").getArray()),
                            rs.getString("owner_agency_id"), rs.getString("owner_name"), members, rs.getString("reason"),
                            rs.getObject("defined_at", OffsetDateTime.class), rs.getObject("members_since", LocalDate.class));
                }, args.toArray());
    }

    private static final String AGENCY_COLUMNS = "a.*, array(select x.alias from projection.agency_alias x "
            + "where x.agency_id = a.agency_id order by x.alias) as aliases";

    public record AgencySummary(String agencyId, String name, AgencyKind kind, int indicatorCount,
                                Map<IndicatorStatus, Integer> indicators, int taskCount, Map<TaskStatus, Integer> tasks) {
    }

    private final JdbcTemplate jdbc;
    private final IndicatorQueries indicators;
    private final TaskQueries tasks;

    public DirectoryQueries(JdbcTemplate jdbc, IndicatorQueries indicators, TaskQueries tasks) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.tasks = tasks;
    }

    public List<PlanView> plans() {
        return jdbc.query("select * from projection.plan order by period_start, plan_id", (rs, i) -> new PlanView(
                rs.getString("plan_id"), rs.getString("document_number"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("issuer"), rs.getString("title"), rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class)));
    }

    public List<AgencyView> agencies(AgencyKind kind, String parentAgencyId) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + AGENCY_COLUMNS + " from projection.agency a where true");
        if (kind != null) {
            sql.append(" and kind = ?");
            args.add(kind.name());
        }
        if (parentAgencyId != null) {
            sql.append(" and parent_agency_id = ?");
            args.add(parentAgencyId);
        }
        sql.append(" order by name, agency_id");
        return jdbc.query(sql.toString(), (rs, i) -> AgencyView.read(rs), args.toArray());
    }

    public AgencyView agency(String agencyId) {
        return jdbc.query("select " + AGENCY_COLUMNS + " from projection.agency a where agency_id = ?", (rs, i) -> AgencyView.read(rs), agencyId)
                .stream().findFirst().orElseThrow(() -> new NotFound("agency", agencyId));
    }

    /**
     * Counts of the indicators an agency leads and the tasks it leads or coordinates, by status, optionally in one plan.
     * The caller has checked that the agency is in the user's scope.
     */
    public AgencySummary summary(String agencyId, String planId, AsOf.Moment at) {
        AgencyView agency = agency(agencyId);
        Map<IndicatorStatus, Integer> byIndicatorStatus = indicators.counts(new IndicatorQueries.Filter(planId, agencyId, null, null),
                Scope.ALL, at);
        Map<TaskStatus, Integer> byTaskStatus = tasks.counts(new TaskQueries.Filter(planId, agencyId, null), Scope.ALL, at);
        return new AgencySummary(agency.agencyId(), agency.name(), agency.kind(), sum(byIndicatorStatus), byIndicatorStatus,
                sum(byTaskStatus), byTaskStatus);
    }

    private static int sum(Map<?, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
