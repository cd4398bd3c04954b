package vn.tiendo.events.task;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.TaskDeadline;
import org.axonframework.serialization.Revision;

/** A task's deadline was moved, by a decision, for a reason. */
@Revision("1")
public record TaskDeadlineRevised(String taskId, TaskDeadline oldDeadline, TaskDeadline newDeadline, String reason, String decisionReference) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("deadline", oldDeadline, newDeadline));
    }
}
