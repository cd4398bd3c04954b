package vn.tiendo.command.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.plan.PlanRegistered;
import vn.tiendo.events.task.TaskAssigned;
import vn.tiendo.events.task.TaskReassigned;
import vn.tiendo.events.indicator.IndicatorReassigned;

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
    void on(IndicatorReassigned event) {
        jdbc.update("update command_side.indicator_code set lead_agency_id = ? where indicator_id = ?", event.toAgencyId(), event.indicatorId());
    }

    /** The unique key (plan, code) refuses a second indicator with the same code in a plan. */
    @EventHandler
    void on(IndicatorDefined event) {
        jdbc.update("insert into command_side.indicator_code (plan_id, code, indicator_id, lead_agency_id) values (?, ?, ?, ?)",
                event.planId(), event.code(), event.indicatorId(), event.leadAgencyId());
    }
}
