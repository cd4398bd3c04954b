package vn.tiendo.query.audit;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.RecordEvent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The auditors' reader of the event store: rows decoded by Axon's own event serializer and upcaster chain into the
 * contract's event records, so audit code works with types the compiler checks, not with payload-type strings or
 * JSON field names. Reads PostgreSQL (the hash chain needs the rows' positions as stored).
 */
@Component
public class StoredEvents {

    /** One stored event: where it stands in the store, and the decoded message (payload, metadata, time). */
    public record Stored(long globalIndex, String recordedAt, DomainEventMessage<?> message) {

        public RecordEvent event() {
            return (RecordEvent) message.getPayload();
        }

        public String eventType() {
            return message.getPayloadType().getSimpleName();
        }

        public String meta(String key) {
            Object value = message.getMetaData().get(key);
            return value == null ? null : value.toString();
        }
    }

    private static final String COLUMNS = "select global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp, "
            + "payload_type, payload_revision, payload, meta_data from event_store.domain_event_entry ";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Configuration axon;

    public StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
    }

    /** The events of one plan, agency, indicator or task, in their order. */
    public void ofRecord(String aggregateId, Consumer<Stored> each) {
        jdbc.query(COLUMNS + "where aggregate_identifier = ? order by sequence_number", rs -> {
            decode(rs, each);
        }, aggregateId);
    }

    /** Every event, in the order the store recorded them. */
    public void all(Consumer<Stored> each) {
        jdbc.query(COLUMNS + "order by global_index", rs -> {
            decode(rs, each);
        });
    }

    /** An upcaster may turn one stored row into none (a dropped event type) or several. */
    private void decode(ResultSet rs, Consumer<Stored> each) throws SQLException {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));
        long globalIndex = rs.getLong("global_index");
        String recordedAt = rs.getString("time_stamp");
        EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, axon.upcasterChain())
                .forEachRemaining(message -> each.accept(new Stored(globalIndex, recordedAt, message)));
    }
}
