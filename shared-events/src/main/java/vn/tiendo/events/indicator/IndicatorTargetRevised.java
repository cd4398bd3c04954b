package vn.tiendo.events.indicator;

import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import org.axonframework.serialization.Revision;

/** A target was revised for one period, by a decision, for a reason. oldTarget is null when the period had no target before. */
@Revision("1")
public record IndicatorTargetRevised(String indicatorId, Period period, Target oldTarget, Target newTarget, String reason, String decisionReference) {
}
