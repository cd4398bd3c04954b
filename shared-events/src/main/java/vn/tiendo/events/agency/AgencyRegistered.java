package vn.tiendo.events.agency;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.AgencyKind;
import org.axonframework.serialization.Revision;

/** An agency joined the province's hierarchy, under its parent (none for the province itself). */
@Revision("1")
public record AgencyRegistered(String agencyId, String name, AgencyKind kind, String parentAgencyId) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("name", name), FieldChange.set("kind", kind), FieldChange.set("parentAgencyId", parentAgencyId));
    }
}
