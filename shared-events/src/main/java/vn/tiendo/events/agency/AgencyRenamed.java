package vn.tiendo.events.agency;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/** The agency is called {@code name} from {@code effectiveDate}, by a decision; what it did before stays under its former name. */
@Revision("1")
public record AgencyRenamed(String agencyId, String formerName, String name, LocalDate effectiveDate, String decisionReference)
        implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("name", formerName, name));
    }
}
