package vn.tiendo.command.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.shared.EventHash;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.Optional;

/**
 * Seals every event as it is published: adds {@code recordedAt}, {@code previousHash} (the hash of the previous
 * event in the same aggregate's stream) and {@code hash} (see {@link EventHash}) to its metadata, before it is stored. Registered on
 * the event store itself, not as a gateway interceptor, so that each event is sealed exactly once.
 */
@Component
public class EventChain implements SmartInitializingSingleton {

    private static final String LAST_HASHES = EventChain.class.getName() + ".lastHashes";

    private final EventStore eventStore;
    private final Serializer eventSerializer;

    public EventChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        eventStore.registerDispatchInterceptor(new MessageDispatchInterceptor<EventMessage<?>>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                return (index, message) -> message instanceof DomainEventMessage<?> domain ? seal(domain) : message;
            }
        });
    }

    DomainEventMessage<?> seal(DomainEventMessage<?> event) {
        String previous = previousHash(event.getAggregateIdentifier(), event.getSequenceNumber());
        String recordedAt = DateTimeUtils.formatInstant(event.getTimestamp());
        MetaData sealed = event.getMetaData().and(MetadataKeys.PREVIOUS_HASH, previous).and(MetadataKeys.RECORDED_AT, recordedAt);
        SerializedObject<byte[]> payload = eventSerializer.serialize(event.getPayload(), byte[].class);
        String hash = EventHash.compute(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                payload.getType().getName(), payload.getType().getRevision(), recordedAt, payload.getData(), sealed);
        lastHashes().ifPresent(m -> m.put(event.getAggregateIdentifier(), hash));
        return event.andMetaData(Map.of(MetadataKeys.PREVIOUS_HASH, previous, MetadataKeys.RECORDED_AT, recordedAt, MetadataKeys.HASH, hash));
    }

    /** From this unit of work if the previous event was published in it, else from the store. */
    private String previousHash(String aggregateId, long sequenceNumber) {
        if (sequenceNumber == 0) {
            return EventHash.GENESIS;
        }
        String inThisUnit = lastHashes().map(m -> m.get(aggregateId)).orElse(null);
        if (inThisUnit != null) {
            return inThisUnit;
        }
        // from the event store, whichever it is (PostgreSQL or Axon Server), not from its PostgreSQL table
        DomainEventStream stream = eventStore.readEvents(aggregateId, sequenceNumber - 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> previous = stream.next();
            if (previous.getSequenceNumber() == sequenceNumber - 1) {
                Object hash = previous.getMetaData().get(MetadataKeys.HASH);
                return hash == null ? EventHash.GENESIS : hash.toString();
            }
        }
        throw new IllegalStateException("no event " + (sequenceNumber - 1) + " of " + aggregateId + " to chain to");
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, String>> lastHashes() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.of((Map<String, String>) CurrentUnitOfWork.get().root()
                .getOrComputeResource(LAST_HASHES, k -> new HashMap<String, String>()));
    }
}
