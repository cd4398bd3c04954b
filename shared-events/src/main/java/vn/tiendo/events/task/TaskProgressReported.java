package vn.tiendo.events.task;

import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Period;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The lead agency reported how far a task had come in a period (0–100%). */
@Revision("1")
public record TaskProgressReported(String taskId, String reportId, Period period, int percentComplete, String note, List<EvidenceRef> evidence) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set(FieldChange.perPeriod("percentComplete", period), percentComplete));
    }
}
