package vn.tiendo.command.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.command.importing.AgencyDirectory;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.events.emulation.Round;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the cross-aggregate questions a command needs before it is sent. */
@Component
public class Registry {

    /** A plan's period and its issuer as written (e.g. "Sở Khoa học và Công nghệ"). */
    public record PlanPeriod(LocalDate start, LocalDate end, String issuer) {
    }

    /** The campaign a nomination is for and the agency it nominates (or whose person it nominates). */
    public record NominationRef(String campaignId, String agencyId) {
    }

    private final JdbcTemplate jdbc;

    public Registry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean agencyExists(String agencyId) {
        return agencyId != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from command_side.agency where agency_id = ?)", Boolean.class, agencyId));
    }

    public boolean taskExists(String taskId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from command_side.task where task_id = ?)", Boolean.class, taskId));
    }

    /** The agency that leads an indicator or task now; empty when the id is unknown. */
    public Optional<String> leadOf(String indicatorOrTaskId) {
        return jdbc.queryForList("select lead_agency_id from command_side.indicator_code where indicator_id = ? "
                + "union all select lead_agency_id from command_side.task where task_id = ?", String.class, indicatorOrTaskId, indicatorOrTaskId)
                .stream().findFirst();
    }

    /** The agencies leading an indicator or task of the plan now. */
    public List<String> leadAgenciesOf(String planId) {
        return jdbc.queryForList("select lead_agency_id from command_side.indicator_code where plan_id = ? and lead_agency_id is not null "
                + "union select lead_agency_id from command_side.task where plan_id = ? and lead_agency_id is not null order by 1",
                String.class, planId, planId);
    }

    /** An agency and every agency below it. */
    public List<String> agencyAndDescendants(String agencyId) {
        return jdbc.queryForList("with recursive tree as (select agency_id from command_side.agency where agency_id = ? "
                + "union select a.agency_id from command_side.agency a join tree t on a.parent_agency_id = t.agency_id) "
                + "select agency_id from tree", String.class, agencyId);
    }

    /** Every registered agency, parents before children where they were registered so. */
    public List<AgencyDirectory.Agency> agencies() {
        return jdbc.query("select agency_id, name, kind, parent_agency_id from command_side.agency order by agency_id",
                (rs, i) -> new AgencyDirectory.Agency(rs.getString(1), rs.getString(2), AgencyKind.valueOf(rs.getString(3)), rs.getString(4)));
    }

    public boolean indicatorExists(String indicatorId) {
        return indicatorId != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from command_side.indicator_code where indicator_id = ?)", Boolean.class, indicatorId));
    }

    /** The indicators {@code indicatorId} implements, directly and above that, nearest first (a circle stops at its start). */
    public List<String> implementedAbove(String indicatorId) {
        return jdbc.queryForList("with recursive up(id, depth) as (select implements_id, 1 from command_side.indicator_link where indicator_id = ? "
                + "union select l.implements_id, u.depth + 1 from command_side.indicator_link l join up u on l.indicator_id = u.id where u.depth < 50) "
                + "select id from up order by depth", String.class, indicatorId);
    }

    /** Whether the agency was merged into another or split (and so has ended). */
    public boolean hasEnded(String agencyId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from command_side.agency where agency_id = ? "
                + "and closed_on is not null)", Boolean.class, agencyId));
    }

    /** The indicators the agency leads now. */
    public List<String> indicatorsLedBy(String agencyId) {
        return jdbc.queryForList("select indicator_id from command_side.indicator_code where lead_agency_id = ? order by indicator_id",
                String.class, agencyId);
    }

    /** The indicators the agency monitors and evaluates now. */
    public List<String> indicatorsMonitoredBy(String agencyId) {
        return jdbc.queryForList("select indicator_id from command_side.indicator_code where monitoring_agency_id = ? order by indicator_id",
                String.class, agencyId);
    }

    /** Every collective assignee with the names it goes by (its name first), the agency answering for it and its members, in their order. */
    public List<AgencyDirectory.Group> groups() {
        Map<String, List<String>> members = new LinkedHashMap<>();
        jdbc.query("select group_id, agency_id from command_side.agency_group_member order by group_id, position",
                (RowCallbackHandler) rs -> members.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2)));
        Map<String, List<String>> names = new LinkedHashMap<>();
        jdbc.query("select n.group_id, n.name from command_side.agency_group_name n join command_side.agency_group g using (group_id) "
                        + "order by n.group_id, n.name <> g.name, n.name",
                (RowCallbackHandler) rs -> names.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2)));
        return jdbc.query("select group_id, name, owner_agency_id from command_side.agency_group order by group_id",
                (rs, i) -> new AgencyDirectory.Group(rs.getString(1), names.getOrDefault(rs.getString(1), List.of(rs.getString(2))),
                        rs.getString(3), members.getOrDefault(rs.getString(1), List.of())));
    }

    /** The tasks the agency leads now that are neither completed nor cancelled. */
    public List<String> openTasksLedBy(String agencyId) {
        return jdbc.queryForList("select task_id from command_side.task where lead_agency_id = ? and not closed order by task_id",
                String.class, agencyId);
    }

    /** The agencies directly under this one that have not ended. */
    public List<String> childrenOf(String agencyId) {
        return jdbc.queryForList("select agency_id from command_side.agency where parent_agency_id = ? and closed_on is null "
                + "order by agency_id", String.class, agencyId);
    }

    /** The names confirmed for agencies (AgencyAliasRecorded), by agency. */
    public Map<String, List<String>> recordedAliases() {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        jdbc.query("select agency_id, alias from command_side.agency_alias order by agency_id, alias",
                (RowCallbackHandler) rs -> aliases.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2)));
        return aliases;
    }

    public Optional<PlanPeriod> planPeriod(String planId) {
        return jdbc.query("select period_start, period_end, issuer from command_side.plan where plan_id = ?",
                (rs, i) -> new PlanPeriod(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getString(3)), planId)
                .stream().findFirst();
    }

    public Optional<String> indicatorWithCode(String planId, String code) {
        return jdbc.queryForList("select indicator_id from command_side.indicator_code where plan_id = ? and code = ?",
                String.class, planId, code).stream().findFirst();
    }

    /** Fails with 400 naming {@code field} when the agency is unknown. */
    public void requireAgency(String agencyId, String field) {
        if (agencyId != null && !agencyExists(agencyId)) {
            throw new RuleViolation(field, "no agency " + agencyId);
        }
    }

    public void requireAgencies(List<String> agencyIds, String field) {
        if (agencyIds == null) {
            return;
        }
        for (int i = 0; i < agencyIds.size(); i++) {
            requireAgency(agencyIds.get(i), field + "[" + i + "]");
        }
    }

    public PlanPeriod requirePlan(String planId, String field) {
        return planPeriod(planId).orElseThrow(() -> new RuleViolation(field, "no plan " + planId));
    }

    /** A campaign's round as launched (its dates). */
    public Optional<Round> round(String campaignId, int number) {
        return jdbc.query("select round_number, name, occasion, opens_on, closes_on, award_date from command_side.campaign_round "
                        + "where campaign_id = ? and round_number = ?",
                (rs, i) -> new Round(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)), campaignId, number).stream().findFirst();
    }

    /** A campaign's target codes ({@code TARGET}), award forms ({@code AWARD}) or verifying agencies ({@code VERIFIER}). */
    public List<String> campaignCodes(String campaignId, String kind) {
        return jdbc.queryForList("select code from command_side.campaign_code where campaign_id = ? and kind = ? order by code",
                String.class, campaignId, kind);
    }

    /** The campaign and the nominated agency of a nomination; empty when the id is unknown. */
    public Optional<NominationRef> nomination(String nominationId) {
        return jdbc.query("select campaign_id, agency_id from command_side.nomination where nomination_id = ?",
                (rs, i) -> new NominationRef(rs.getString(1), rs.getString(2)), nominationId).stream().findFirst();
    }
}
