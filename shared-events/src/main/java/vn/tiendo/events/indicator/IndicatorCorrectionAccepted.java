package vn.tiendo.events.indicator;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.Period;
import org.axonframework.serialization.Revision;

/** The coordinator accepted a proposed correction; an IndicatorProgressCorrected event applying it follows. */
@Revision("1")
public record IndicatorCorrectionAccepted(String indicatorId, String proposalId, String reportId, Period period) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(); // the IndicatorProgressCorrected that follows carries the value
    }
}
