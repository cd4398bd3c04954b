package vn.tiendo.events.agency;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * The agency was split into {@code intoAgencyIds} from {@code effectiveDate}, by a decision, and ends there; the first
 * part carries on whatever the decision gives no other part. Its reports, heads and scores stay its own; the records it
 * led pass to the parts by reassignments on that date, and the agencies under it move under them.
 */
@Revision("1")
public record AgencySplit(String agencyId, List<String> intoAgencyIds, LocalDate effectiveDate, String decisionReference) implements RecordEvent {

    public AgencySplit {
        intoAgencyIds = List.copyOf(intoAgencyIds);
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("splitInto", intoAgencyIds), FieldChange.set("closedOn", effectiveDate));
    }
}
