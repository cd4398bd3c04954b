package vn.tiendo.events.upcasting;

import vn.tiendo.events.task.TaskAssigned;

import java.util.Set;

/**
 * Revision 2 of {@link TaskAssigned} was written before rows could be assigned to a group of agencies: read it as
 * revision 3 with no {@code collectiveGroupId} (a task of its own).
 */
public class CollectiveShareUpcaster extends FieldAddedUpcaster {

    public CollectiveShareUpcaster() {
        super(Set.of(TaskAssigned.class), "2", "3", "collectiveGroupId", payload -> payload.putNull("collectiveGroupId"));
    }
}
