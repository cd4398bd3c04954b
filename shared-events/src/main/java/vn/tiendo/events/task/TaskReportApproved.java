package vn.tiendo.events.task;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.Period;

import org.axonframework.serialization.Revision;

/** The head of the agency (or the coordinating department) approved a progress report: its period is locked. */
@Revision("1")
public record TaskReportApproved(String taskId, String reportId, Period period) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of();
    }
}
