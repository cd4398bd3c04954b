package vn.tiendo.events.agency;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * The agency sits under another from {@code effectiveDate}, by a decision: the 2025 reorganisation abolished the
 * district level, and the wards of a city came directly under the province.
 */
@Revision("1")
public record AgencyMoved(String agencyId, String fromParentAgencyId, String toParentAgencyId, LocalDate effectiveDate,
                          String decisionReference) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("parentAgencyId", fromParentAgencyId, toParentAgencyId));
    }
}
