package vn.tiendo.events.indicator;

import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A correction of an approved report was proposed, with a reason; it changes nothing until the coordinator accepts it. */
@Revision("1")
public record IndicatorCorrectionProposed(String indicatorId, String proposalId, String reportId, Period period, MeasuredValue oldValue, MeasuredValue newValue, String reason, List<EvidenceRef> evidence) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        // nothing changes until the proposal is accepted: the change shows as proposed
        return List.of(FieldChange.of("proposed " + FieldChange.perPeriod("value", period), oldValue, newValue));
    }
}
