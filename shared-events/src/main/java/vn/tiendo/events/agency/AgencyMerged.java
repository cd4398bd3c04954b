package vn.tiendo.events.agency;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * The agency was merged into {@code intoAgencyId} from {@code effectiveDate}, by a decision, and ends there. Its
 * reports, heads and scores stay its own; the records it led pass to the successor by reassignments on that date,
 * and the agencies under it move under the successor.
 */
@Revision("1")
public record AgencyMerged(String agencyId, String intoAgencyId, LocalDate effectiveDate, String decisionReference) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("mergedInto", intoAgencyId), FieldChange.set("closedOn", effectiveDate));
    }
}
