package vn.tiendo.events.agency;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who answers for the group and who its members are, from {@code effectiveDate}: rows imported after take them;
 * shares already given stay with the agencies that hold them (a removed member's share is reassigned or cancelled as
 * any record is). A merger or split of the owner or a member passes its place on.
 */
@Revision("1")
public record AgencyGroupChanged(String groupId, String fromOwnerAgencyId, String toOwnerAgencyId, List<String> fromMemberAgencyIds,
                                 List<String> toMemberAgencyIds, LocalDate effectiveDate, String reason) implements RecordEvent {

    public AgencyGroupChanged {
        fromMemberAgencyIds = List.copyOf(fromMemberAgencyIds);
        toMemberAgencyIds = List.copyOf(toMemberAgencyIds);
    }

    @Override
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>();
        if (!Objects.equals(fromOwnerAgencyId, toOwnerAgencyId)) {
            changes.add(FieldChange.of("ownerAgencyId", fromOwnerAgencyId, toOwnerAgencyId));
        }
        if (!fromMemberAgencyIds.equals(toMemberAgencyIds)) {
            changes.add(FieldChange.of("memberAgencyIds", fromMemberAgencyIds, toMemberAgencyIds));
        }
        return changes;
    }
}
