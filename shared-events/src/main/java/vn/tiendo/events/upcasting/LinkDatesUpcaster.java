package vn.tiendo.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import vn.tiendo.events.indicator.IndicatorLinked;
import vn.tiendo.events.indicator.IndicatorUnlinked;

import java.util.Set;

/**
 * Revision 1 of {@link IndicatorLinked} and {@link IndicatorUnlinked} was written before links had a date: read it as
 * revision 2 with no {@code effectiveFrom} (the link, or its end, for every period). The stored row is never changed.
 */
public class LinkDatesUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(IndicatorLinked.class.getName(), IndicatorUnlinked.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"), JsonNode.class,
                payload -> {
                    if (payload instanceof ObjectNode object && !object.has("effectiveFrom")) {
                        object.putNull("effectiveFrom");
                    }
                    return payload;
                });
    }
}
