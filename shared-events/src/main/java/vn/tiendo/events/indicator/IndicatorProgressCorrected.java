package vn.tiendo.events.indicator;

import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An earlier report was corrected: the report it corrects, the value before and after, and why. The original report stays in the history. */
@Revision("1")
public record IndicatorProgressCorrected(String indicatorId, String reportId, Period period, MeasuredValue oldValue, MeasuredValue newValue, String reason, List<EvidenceRef> evidence) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of(FieldChange.perPeriod("value", period), oldValue, newValue));
    }
}
