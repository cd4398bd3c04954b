package vn.tiendo.command.agency;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.tiendo.command.agency.AgencyCommands.ChangeAgencyGroup;
import vn.tiendo.command.agency.AgencyCommands.DefineAgencyGroup;
import vn.tiendo.command.common.Handled;
import vn.tiendo.command.common.Require;
import vn.tiendo.events.agency.AgencyGroupDefined;
import vn.tiendo.events.agency.AgencyGroupChanged;

import java.util.HashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A collective assignee ("UBND các phường"): a named group of agencies. A plan's row assigned to it gives each member
 * its own share; the owner answers for the group as a whole.
 */
@Aggregate
public class AgencyGroup {

    @AggregateIdentifier
    private String groupId;
    private String ownerAgencyId;
    private List<String> members;

    protected AgencyGroup() {
    }

    @CommandHandler
    public AgencyGroup(DefineAgencyGroup command) {
        Require.notBlank(command.groupId(), "groupId");
        Require.notBlank(command.name(), "name");
        Require.notBlank(command.ownerAgencyId(), "ownerAgencyId");
        List<String> members = checkedMembers(command.memberAgencyIds(), command.ownerAgencyId());
        apply(new AgencyGroupDefined(command.groupId(), command.name().strip(), Require.orEmpty(command.otherNames()).stream().map(String::strip).toList(),
                command.ownerAgencyId(), members, command.reason()));
    }

    /** The same owner and members again change nothing. */
    @CommandHandler
    public Handled handle(ChangeAgencyGroup command) {
        Require.notNull(command.effectiveDate(), "effectiveDate");
        Require.notBlank(command.reason(), "reason");
        String owner = command.ownerAgencyId() == null ? ownerAgencyId : command.ownerAgencyId();
        List<String> to = checkedMembers(command.memberAgencyIds(), owner);
        if (to.equals(members) && owner.equals(ownerAgencyId)) {
            return Handled.applied(0);
        }
        apply(new AgencyGroupChanged(groupId, ownerAgencyId, owner, members, to, command.effectiveDate(), command.reason()));
        return Handled.applied();
    }

    private static List<String> checkedMembers(List<String> memberAgencyIds, String ownerAgencyId) {
        List<String> members = Require.orEmpty(memberAgencyIds);
        Require.that(members.size() >= 2, "memberAgencyIds", "a group has at least two members");
        Require.that(new HashSet<>(members).size() == members.size(), "memberAgencyIds", "an agency is a member once");
        Require.that(!members.contains(ownerAgencyId), "memberAgencyIds", "the owner answers for the group; it is not one of its members");
        return List.copyOf(members);
    }

    @EventSourcingHandler
    void on(AgencyGroupDefined event) {
        groupId = event.groupId();
        ownerAgencyId = event.ownerAgencyId();
        members = event.memberAgencyIds();
    }

    @EventSourcingHandler
    void on(AgencyGroupChanged event) {
        ownerAgencyId = event.toOwnerAgencyId();
        members = event.toMemberAgencyIds();
    }
}
