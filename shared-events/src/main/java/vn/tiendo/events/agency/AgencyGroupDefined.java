package vn.tiendo.events.agency;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/**
 * A collective assignee the plans name ("UBND các phường", "Các phòng, ban, ngành") became a group of agencies: a row
 * assigned to {@code name} (or one of {@code otherNames}) gives each member its own share, a task or an indicator of
 * its own. {@code ownerAgencyId} answers for the group as a whole (the city for its wards): it leads the indicator the
 * members' shares roll up into.
 */
@Revision("1")
public record AgencyGroupDefined(String groupId, String name, List<String> otherNames, String ownerAgencyId,
                                 List<String> memberAgencyIds, String reason) implements RecordEvent {

    public AgencyGroupDefined {
        otherNames = List.copyOf(otherNames);
        memberAgencyIds = List.copyOf(memberAgencyIds);
    }

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("name", name), FieldChange.set("otherNames", otherNames.isEmpty() ? null : otherNames),
                FieldChange.set("ownerAgencyId", ownerAgencyId), FieldChange.set("memberAgencyIds", memberAgencyIds));
    }
}
