package vn.tiendo.events.task;

import vn.tiendo.events.common.Period;

import org.axonframework.serialization.Revision;

/** The head of the agency (or the coordinating department) approved a progress report: its period is locked. */
@Revision("1")
public record TaskReportApproved(String taskId, String reportId, Period period) {
}
