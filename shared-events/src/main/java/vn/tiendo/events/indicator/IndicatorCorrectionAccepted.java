package vn.tiendo.events.indicator;

import vn.tiendo.events.common.Period;
import org.axonframework.serialization.Revision;

/** The coordinator accepted a proposed correction; an IndicatorProgressCorrected event applying it follows. */
@Revision("1")
public record IndicatorCorrectionAccepted(String indicatorId, String proposalId, String reportId, Period period) {
}
