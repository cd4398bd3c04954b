package vn.tiendo.events.indicator;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * The agency that monitors and evaluates an indicator (cơ quan theo dõi, đánh giá) changed from a date, for a reason:
 * a merger passes the merged agency's monitoring to its successor, as it passes the indicators it leads.
 */
@Revision("1")
public record IndicatorMonitoringReassigned(String indicatorId, String fromAgencyId, String toAgencyId, String reason,
                                            LocalDate effectiveDate) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("monitoringAgencyId", fromAgencyId, toAgencyId));
    }
}
