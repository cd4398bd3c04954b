package vn.tiendo.events.indicator;

import vn.tiendo.events.common.Period;
import org.axonframework.serialization.Revision;

/** The head of the agency (or the coordinating department) approved a report: its period is locked; later corrections need the coordinator's acceptance. */
@Revision("1")
public record IndicatorReportApproved(String indicatorId, String reportId, Period period) {
}
