package vn.tiendo.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.task.TaskAssigned;

import java.util.Set;

/**
 * Revision 1 of {@link IndicatorDefined} and {@link TaskAssigned} was written before plans' headings were kept:
 * read it as revision 2 with an empty {@code groupPath}. The stored row is never changed (events are facts, and
 * their hashes are over the stored bytes); only what readers see is.
 */
public class GroupPathUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(IndicatorDefined.class.getName(), TaskAssigned.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"), JsonNode.class,
                payload -> {
                    if (payload instanceof ObjectNode object && !object.has("groupPath")) {
                        object.putArray("groupPath");
                    }
                    return payload;
                });
    }
}
