package vn.tiendo.events.indicator;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import org.axonframework.serialization.Revision;

/** A target was revised for one period, by a decision, for a reason. oldTarget is null when the period had no target before. */
@Revision("1")
public record IndicatorTargetRevised(String indicatorId, Period period, Target oldTarget, Target newTarget, String reason, String decisionReference) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of(FieldChange.perPeriod("target", period), oldTarget, newTarget));
    }
}
