package vn.tiendo.events.indicator;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The lead agency of an indicator changed, from a date, for a reason. */
@Revision("1")
public record IndicatorReassigned(String indicatorId, String fromAgencyId, String toAgencyId, String reason, LocalDate effectiveDate) {
}
