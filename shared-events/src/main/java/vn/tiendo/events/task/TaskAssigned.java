package vn.tiendo.events.task;

import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.TaskDeadline;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A plan assigned a task (nhiệm vụ) to a lead agency with coordinating agencies, a deadline or a recurrence, and an expected product. */
@Revision("1")
public record TaskAssigned(String taskId, String planId, String content, String leadAgencyId, List<String> coordinatingAgencyIds, TaskDeadline deadline, String expectedProduct) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("planId", planId), FieldChange.set("content", content),
                FieldChange.set("leadAgencyId", leadAgencyId), FieldChange.set("coordinatingAgencyIds", coordinatingAgencyIds),
                FieldChange.set("deadline", deadline), FieldChange.set("expectedProduct", expectedProduct));
    }
}
