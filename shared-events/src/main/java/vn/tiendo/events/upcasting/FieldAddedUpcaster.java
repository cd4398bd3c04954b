package vn.tiendo.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A revision that added a field: stored events of the revision before are read as the new revision with the field's
 * value for what they meant (an empty list, no date…). The stored row is never changed (events are facts, and their
 * hashes are over the stored bytes); only what readers see is.
 */
abstract class FieldAddedUpcaster extends SingleEventUpcaster {

    private final Set<String> types;
    private final String fromRevision;
    private final String toRevision;
    private final String field;
    private final Consumer<ObjectNode> addDefault;

    FieldAddedUpcaster(Set<Class<?>> types, String fromRevision, String toRevision, String field, Consumer<ObjectNode> addDefault) {
        this.types = types.stream().map(Class::getName).collect(Collectors.toUnmodifiableSet());
        this.fromRevision = fromRevision;
        this.toRevision = toRevision;
        this.field = field;
        this.addDefault = addDefault;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return types.contains(representation.getType().getName()) && fromRevision.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), toRevision), JsonNode.class,
                payload -> {
                    if (payload instanceof ObjectNode object && !object.has(field)) {
                        addDefault.accept(object);
                    }
                    return payload;
                });
    }
}
