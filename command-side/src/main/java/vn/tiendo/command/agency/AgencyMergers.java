package vn.tiendo.command.agency;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;
import vn.tiendo.command.agency.AgencyCommands.MoveAgency;
import vn.tiendo.command.indicator.IndicatorCommands.ReassignIndicator;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.task.TaskCommands.ReassignTask;
import vn.tiendo.command.web.Caller;
import vn.tiendo.events.common.MetadataKeys;

import java.time.LocalDate;

/**
 * What follows from a merger, sent in its transaction: the indicators and open tasks the merged agency leads pass to
 * its successor from the merger's date (reassignments, so the reports before stay the merged agency's), and the
 * agencies under it move under the successor. Completed and cancelled tasks stay with the agency that did them.
 */
@Service
public class AgencyMergers {

    /** How many records and agencies passed to the successor. */
    public record PassedOn(int indicators, int tasks, int agencies) {
    }

    private final CommandGateway commands;
    private final Registry registry;

    public AgencyMergers(CommandGateway commands, Registry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    public PassedOn passOn(String agencyId, String intoAgencyId, LocalDate effectiveDate, String decisionReference, Caller caller) {
        String reason = agencyId + " merged into " + intoAgencyId + " (" + decisionReference + ")";
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, caller.actor())
                .and(MetadataKeys.ON_BEHALF_OF, caller.onBehalfOf())
                .and(MetadataKeys.REQUEST_ID, caller.requestId())
                .and(MetadataKeys.REASON, reason);
        var indicators = registry.indicatorsLedBy(agencyId);
        indicators.forEach(id -> commands.sendAndWait(new ReassignIndicator(id, null, intoAgencyId, reason, effectiveDate), metaData));
        var tasks = registry.openTasksLedBy(agencyId);
        tasks.forEach(id -> commands.sendAndWait(new ReassignTask(id, null, intoAgencyId, reason, effectiveDate), metaData));
        var children = registry.childrenOf(agencyId);
        children.forEach(id -> commands.sendAndWait(new MoveAgency(id, null, intoAgencyId, effectiveDate, decisionReference), metaData));
        return new PassedOn(indicators.size(), tasks.size(), children.size());
    }
}
