package vn.tiendo.command.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.command.importing.Names;
import vn.tiendo.events.agency.AgencyAliasRecorded;
import vn.tiendo.events.agency.AgencyGroupDefined;
import vn.tiendo.events.agency.AgencyGroupChanged;
import vn.tiendo.events.agency.AgencyMerged;
import vn.tiendo.events.agency.AgencyMoved;
import vn.tiendo.events.agency.AgencyRenamed;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.agency.AgencySplit;
import vn.tiendo.events.emulation.CampaignLaunched;
import vn.tiendo.events.emulation.CoVerifierNamed;
import vn.tiendo.events.emulation.NominationSubmitted;
import vn.tiendo.events.emulation.Round;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.indicator.IndicatorLinked;
import vn.tiendo.events.indicator.IndicatorMonitoringReassigned;
import vn.tiendo.events.indicator.IndicatorUnlinked;
import vn.tiendo.events.indicator.IndicatorReassigned;
import vn.tiendo.events.plan.PlanRegistered;
import vn.tiendo.events.task.TaskAssigned;
import vn.tiendo.events.task.TaskCancelled;
import vn.tiendo.events.task.TaskCompleted;
import vn.tiendo.events.task.TaskReassigned;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Keeps the command side's lookup tables in step with its events, in the same transaction (subscribing processor). */
@Component
@ProcessingGroup(RegistryProjection.PROCESSING_GROUP)
public class RegistryProjection {

    public static final String PROCESSING_GROUP = "command-registry";

    private final JdbcTemplate jdbc;

    public RegistryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgencyRegistered event) {
        jdbc.update("insert into command_side.agency (agency_id, name, kind, parent_agency_id) values (?, ?, ?, ?)",
                event.agencyId(), event.name(), event.kind().name(), event.parentAgencyId());
    }

    /** The key on the normalised name refuses a name that already means another agency (409), even when two race. */
    @EventHandler
    void on(AgencyAliasRecorded event) {
        jdbc.update("insert into command_side.agency_alias (normalized, alias, agency_id) values (?, ?, ?)",
                Names.normalize(event.alias()), event.alias(), event.agencyId());
    }

    /** The key on the normalised name refuses a name that already means another group (409), even when two race. */
    @EventHandler
    void on(AgencyGroupDefined event) {
        jdbc.update("insert into command_side.agency_group (group_id, name, owner_agency_id) values (?, ?, ?)",
                event.groupId(), event.name(), event.ownerAgencyId());
        Map<String, String> names = new LinkedHashMap<>();
        Stream.concat(Stream.of(event.name()), event.otherNames().stream()).forEach(name -> names.putIfAbsent(Names.normalize(name), name.strip()));
        names.forEach((normalized, name) -> jdbc.update("insert into command_side.agency_group_name (normalized, name, group_id) values (?, ?, ?)",
                normalized, name, event.groupId()));
        members(event.groupId(), event.memberAgencyIds());
    }

    @EventHandler
    void on(AgencyGroupChanged event) {
        jdbc.update("update command_side.agency_group set owner_agency_id = ? where group_id = ?", event.toOwnerAgencyId(), event.groupId());
        jdbc.update("delete from command_side.agency_group_member where group_id = ?", event.groupId());
        members(event.groupId(), event.toMemberAgencyIds());
    }

    private void members(String groupId, List<String> agencyIds) {
        for (int i = 0; i < agencyIds.size(); i++) {
            jdbc.update("insert into command_side.agency_group_member (group_id, agency_id, position) values (?, ?, ?)", groupId, agencyIds.get(i), i);
        }
    }

    @EventHandler
    void on(AgencyRenamed event) {
        jdbc.update("update command_side.agency set name = ? where agency_id = ?", event.name(), event.agencyId());
    }

    @EventHandler
    void on(AgencyMoved event) {
        jdbc.update("update command_side.agency set parent_agency_id = ? where agency_id = ?", event.toParentAgencyId(), event.agencyId());
    }

    @EventHandler
    void on(AgencyMerged event) {
        jdbc.update("update command_side.agency set merged_into = ?, closed_on = ? where agency_id = ?", event.intoAgencyId(),
                event.effectiveDate(), event.agencyId());
    }

    @EventHandler
    void on(AgencySplit event) {
        jdbc.update("update command_side.agency set closed_on = ? where agency_id = ?", event.effectiveDate(), event.agencyId());
    }

    @EventHandler
    void on(TaskCompleted event) {
        jdbc.update("update command_side.task set closed = true where task_id = ?", event.taskId());
    }

    @EventHandler
    void on(TaskCancelled event) {
        jdbc.update("update command_side.task set closed = true where task_id = ?", event.taskId());
    }

    @EventHandler
    void on(PlanRegistered event) {
        jdbc.update("insert into command_side.plan (plan_id, period_start, period_end, issuer) values (?, ?, ?, ?)",
                event.planId(), event.periodStart(), event.periodEnd(), event.issuer());
    }

    @EventHandler
    void on(TaskAssigned event) {
        jdbc.update("insert into command_side.task (task_id, plan_id, lead_agency_id) values (?, ?, ?)",
                event.taskId(), event.planId(), event.leadAgencyId());
    }

    @EventHandler
    void on(TaskReassigned event) {
        jdbc.update("update command_side.task set lead_agency_id = ? where task_id = ?", event.toAgencyId(), event.taskId());
    }

    @EventHandler
    void on(IndicatorLinked event) {
        jdbc.update("insert into command_side.indicator_link (indicator_id, implements_id) values (?, ?) "
                + "on conflict (indicator_id) do update set implements_id = excluded.implements_id", event.indicatorId(), event.implementsIndicatorId());
    }

    @EventHandler
    void on(IndicatorUnlinked event) {
        jdbc.update("delete from command_side.indicator_link where indicator_id = ?", event.indicatorId());
    }

    @EventHandler
    void on(IndicatorReassigned event) {
        jdbc.update("update command_side.indicator_code set lead_agency_id = ? where indicator_id = ?", event.toAgencyId(), event.indicatorId());
    }

    @EventHandler
    void on(IndicatorMonitoringReassigned event) {
        jdbc.update("update command_side.indicator_code set monitoring_agency_id = ? where indicator_id = ?", event.toAgencyId(), event.indicatorId());
    }

    /** The unique key (plan, code) refuses a second indicator with the same code in a plan. */
    @EventHandler
    void on(IndicatorDefined event) {
        jdbc.update("insert into command_side.indicator_code (plan_id, code, indicator_id, lead_agency_id, monitoring_agency_id) values (?, ?, ?, ?, ?)",
                event.planId(), event.code(), event.indicatorId(), event.leadAgencyId(), event.monitoringAgencyId());
    }

    @EventHandler
    void on(CampaignLaunched event) {
        for (Round r : event.rounds()) {
            jdbc.update("insert into command_side.campaign_round (campaign_id, round_number, name, occasion, opens_on, closes_on, award_date) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", event.campaignId(), r.number(), r.name(), r.occasion(), r.opensOn(), r.closesOn(), r.awardDate());
        }
        event.targets().forEach(t -> campaignCode(event.campaignId(), "TARGET", t.code()));
        event.awards().forEach(a -> campaignCode(event.campaignId(), "AWARD", a.code()));
        event.verifyingAgencyIds().forEach(a -> campaignCode(event.campaignId(), "VERIFIER", a));
    }

    @EventHandler
    void on(CoVerifierNamed event) {
        campaignCode(event.campaignId(), "VERIFIER", event.agencyId());
    }

    @EventHandler
    void on(NominationSubmitted event) {
        jdbc.update("insert into command_side.nomination (nomination_id, campaign_id, agency_id) values (?, ?, ?)",
                event.nominationId(), event.campaignId(), event.agencyId());
    }

    private void campaignCode(String campaignId, String kind, String code) {
        jdbc.update("insert into command_side.campaign_code (campaign_id, kind, code) values (?, ?, ?)", campaignId, kind, code);
    }
}
