package vn.tiendo.events.indicator;

import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An agency reported the indicator's value for a period, with its evidence. */
@Revision("1")
public record IndicatorProgressReported(String indicatorId, String reportId, Period period, MeasuredValue value, String note, List<EvidenceRef> evidence) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set(FieldChange.perPeriod("value", period), value));
    }
}
