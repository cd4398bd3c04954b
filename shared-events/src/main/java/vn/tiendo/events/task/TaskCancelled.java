package vn.tiendo.events.task;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import org.axonframework.serialization.Revision;

/** A task was cancelled; it takes no more progress. */
@Revision("1")
public record TaskCancelled(String taskId, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("status", "CANCELLED"));
    }
}
