package vn.tiendo.command.agency;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;
import vn.tiendo.command.agency.AgencyCommands.ChangeAgencyGroup;
import vn.tiendo.command.agency.AgencyCommands.MoveAgency;
import vn.tiendo.command.importing.AgencyDirectory;
import vn.tiendo.command.indicator.IndicatorCommands.ReassignIndicator;
import vn.tiendo.command.indicator.IndicatorCommands.ReassignMonitoring;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.task.TaskCommands.ReassignTask;
import vn.tiendo.command.web.Caller;
import vn.tiendo.events.common.MetadataKeys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What follows from a merger or a split, sent in its transaction: the indicators and open tasks the ended agency
 * leads, and the indicators it monitors, pass to its successor from that date (reassignments, so the reports before
 * stay the ended agency's), the agencies under it move under the successor, and the successor takes its place in the
 * groups it answered for or belonged to (a group left with fewer than two members is left as it was, for a person to
 * change). A split names a successor for each
 * record or agency it gives to another part than the first; the first part carries on the rest.
 */
@Service
public class AgencyMergers {

    /** How many records, agencies and groups passed on. */
    public record PassedOn(int indicators, int monitored, int tasks, int agencies, int groups) {
    }

    private final CommandGateway commands;
    private final Registry registry;

    public AgencyMergers(CommandGateway commands, Registry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    public PassedOn passOn(String agencyId, String intoAgencyId, LocalDate effectiveDate, String decisionReference, Caller caller) {
        return passOn(agencyId, any -> intoAgencyId, agencyId + " merged into " + intoAgencyId + " (" + decisionReference + ")",
                effectiveDate, decisionReference, caller);
    }

    /** {@code assignments}: indicator, task or agency id → the part that takes it; the first part takes the rest. */
    public PassedOn passOnSplit(String agencyId, List<String> parts, Map<String, String> assignments, LocalDate effectiveDate,
                                String decisionReference, Caller caller) {
        return passOn(agencyId, id -> assignments.getOrDefault(id, parts.get(0)),
                agencyId + " split into " + String.join(", ", parts) + " (" + decisionReference + ")", effectiveDate, decisionReference, caller);
    }

    /** What the agency leads, monitors, has under it and answers for or belongs to (groups): each id's successor is {@code successorOf} it. */
    public record Holdings(List<String> indicators, List<String> monitored, List<String> tasks, List<String> agencies, List<AgencyDirectory.Group> groups) {

        public boolean contains(String id) {
            return indicators.contains(id) || monitored.contains(id) || tasks.contains(id) || agencies.contains(id)
                    || groups.stream().anyMatch(g -> g.id().equals(id));
        }
    }

    public Holdings holdings(String agencyId) {
        List<AgencyDirectory.Group> groups = registry.groups().stream()
                .filter(g -> g.ownerId().equals(agencyId) || g.memberIds().contains(agencyId)).toList();
        return new Holdings(registry.indicatorsLedBy(agencyId), registry.indicatorsMonitoredBy(agencyId), registry.openTasksLedBy(agencyId),
                registry.childrenOf(agencyId), groups);
    }

    private PassedOn passOn(String agencyId, UnaryOperator<String> successorOf, String reason, LocalDate effectiveDate,
                            String decisionReference, Caller caller) {
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, caller.actor())
                .and(MetadataKeys.ON_BEHALF_OF, caller.onBehalfOf())
                .and(MetadataKeys.REQUEST_ID, caller.requestId())
                .and(MetadataKeys.REASON, reason);
        Holdings held = holdings(agencyId);
        held.indicators().forEach(id -> commands.sendAndWait(new ReassignIndicator(id, null, successorOf.apply(id), reason, effectiveDate), metaData));
        held.monitored().forEach(id -> commands.sendAndWait(new ReassignMonitoring(id, null, successorOf.apply(id), reason, effectiveDate), metaData));
        held.tasks().forEach(id -> commands.sendAndWait(new ReassignTask(id, null, successorOf.apply(id), reason, effectiveDate), metaData));
        held.agencies().forEach(id -> commands.sendAndWait(new MoveAgency(id, null, successorOf.apply(id), effectiveDate, decisionReference), metaData));
        int groups = 0;
        for (AgencyDirectory.Group group : held.groups()) {
            // the successor takes the ended agency's place: as owner, or as a member (once, and never beside itself as owner)
            String successor = successorOf.apply(group.id());
            String owner = group.ownerId().equals(agencyId) ? successor : group.ownerId();
            List<String> members = group.memberIds().stream().map(m -> m.equals(agencyId) ? successor : m)
                    .filter(m -> !m.equals(owner)).distinct().toList();
            if (members.size() >= 2) {
                commands.sendAndWait(new ChangeAgencyGroup(group.id(), null, owner, members, effectiveDate, reason), metaData);
                groups++;
            }
        }
        return new PassedOn(held.indicators().size(), held.monitored().size(), held.tasks().size(), held.agencies().size(), groups);
    }
}
