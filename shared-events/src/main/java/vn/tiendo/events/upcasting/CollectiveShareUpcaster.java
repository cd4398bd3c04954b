package vn.tiendo.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import vn.tiendo.events.task.TaskAssigned;

/**
 * Revision 2 of {@link TaskAssigned} was written before rows could be assigned to a group of agencies: read it as
 * revision 3 with no {@code collectiveGroupId} (a task of its own). The stored row is never changed.
 */
public class CollectiveShareUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TaskAssigned.class.getName().equals(representation.getType().getName()) && "2".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TaskAssigned.class.getName(), "3"), JsonNode.class,
                payload -> {
                    if (payload instanceof ObjectNode object && !object.has("collectiveGroupId")) {
                        object.putNull("collectiveGroupId");
                    }
                    return payload;
                });
    }
}
