package vn.tiendo.events.task;

import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.TaskDeadline;

import java.util.List;
import java.util.Objects;
import org.axonframework.serialization.Revision;

/**
 * A plan assigned a task (nhiệm vụ) to a lead agency with coordinating agencies, a deadline or a recurrence, and an
 * expected product. {@code groupPath}: the headings the plan lists it under, outermost first, empty when none.
 * {@code collectiveGroupId}: the task is this lead's share of a row the plan assigned to a group of agencies
 * ("UBND các phường"), null for a task of its own.
 * Revision 2 added {@code groupPath}; revision 1 events are read through {@link vn.tiendo.events.upcasting.GroupPathUpcaster}.
 * Revision 3 added {@code collectiveGroupId}; revision 2 events are read through {@link vn.tiendo.events.upcasting.CollectiveShareUpcaster}.
 */
@Revision("3")
public record TaskAssigned(String taskId, String planId, String content, String leadAgencyId, List<String> coordinatingAgencyIds, TaskDeadline deadline, String expectedProduct, List<String> groupPath,
                           String collectiveGroupId) implements RecordEvent {

    /** A task of its own, not a share of a group's. */
    public TaskAssigned(String taskId, String planId, String content, String leadAgencyId, List<String> coordinatingAgencyIds, TaskDeadline deadline, String expectedProduct, List<String> groupPath) {
        this(taskId, planId, content, leadAgencyId, coordinatingAgencyIds, deadline, expectedProduct, groupPath, null);
    }

    public TaskAssigned {
        // required from revision 2: a stored revision 1 event gets it from the upcaster, never by a silent default
        groupPath = List.copyOf(Objects.requireNonNull(groupPath, "groupPath"));
    }

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("planId", planId), FieldChange.set("content", content),
                FieldChange.set("leadAgencyId", leadAgencyId), FieldChange.set("coordinatingAgencyIds", coordinatingAgencyIds),
                FieldChange.set("deadline", deadline), FieldChange.set("expectedProduct", expectedProduct),
                FieldChange.set("groupPath", groupPath.isEmpty() ? null : groupPath), FieldChange.set("collectiveGroupId", collectiveGroupId));
    }
}
