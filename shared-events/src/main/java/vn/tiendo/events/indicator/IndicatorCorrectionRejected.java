package vn.tiendo.events.indicator;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.Period;
import org.axonframework.serialization.Revision;

/** The coordinator rejected a proposed correction, with a reason; the approved value stands. */
@Revision("1")
public record IndicatorCorrectionRejected(String indicatorId, String proposalId, String reportId, Period period, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of();
    }
}
