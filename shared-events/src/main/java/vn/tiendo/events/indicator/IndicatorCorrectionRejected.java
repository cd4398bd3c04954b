package vn.tiendo.events.indicator;

import vn.tiendo.events.common.Period;
import org.axonframework.serialization.Revision;

/** The coordinator rejected a proposed correction, with a reason; the approved value stands. */
@Revision("1")
public record IndicatorCorrectionRejected(String indicatorId, String proposalId, String reportId, Period period, String reason) {
}
