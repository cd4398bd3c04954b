package vn.tiendo.query.audit;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.RecordEvent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
    private final Supplier<EventUpcaster> upcasters;

    @Autowired
    public StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
        this(jdbc, serializer, axon::upcasterChain);
    }

    /** Outside Spring (the benchmarks): the serializer and upcasters given. */
    StoredEvents(JdbcTemplate jdbc, Serializer serializer, Supplier<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
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

    /** The events after {@code afterGlobalIndex} up to {@code upToGlobalIndex}, in the order the store recorded them. */
    public void between(long afterGlobalIndex, long upToGlobalIndex, Consumer<Stored> each) {
        jdbc.query(COLUMNS + "where global_index > ? and global_index <= ? order by global_index", rs -> {
            decode(rs, each);
        }, afterGlobalIndex, upToGlobalIndex);
    }

    /** The highest global index stored now. */
    public long head() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry", Long.class);
    }

    /**
     * The highest global index up to which every event is surely committed: a transaction still open (a long import)
     * has taken indexes it has not committed yet and shows as a gap followed by events recorded since
     * {@code recentSince}; the answer stops before the first such gap after {@code afterGlobalIndex}.
     */
    public long committedUpTo(long afterGlobalIndex, Instant recentSince) {
        Long gap = beforeFirstOpenGap(afterGlobalIndex, recentSince);
        long head = head();
        return gap == null ? head : Math.min(gap, head);
    }

    /**
     * The global index just before the first gap after {@code afterGlobalIndex} that is followed by an event recorded
     * since {@code recentSince} (a transaction that may still commit there), or null when there is none.
     */
    public Long beforeFirstOpenGap(long afterGlobalIndex, Instant recentSince) {
        return jdbc.queryForObject("select min(previous) from (select global_index, time_stamp, "
                + "lag(global_index) over (order by global_index) as previous from event_store.domain_event_entry "
                + "where global_index >= ?) e "
                + "where previous is not null and global_index > previous + 1 and cast(time_stamp as timestamptz) > ?", Long.class,
                afterGlobalIndex, recentSince.atOffset(ZoneOffset.UTC));
    }

    /** An upcaster may turn one stored row into none (a dropped event type) or several. */
    private void decode(ResultSet rs, Consumer<Stored> each) throws SQLException {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));
        long globalIndex = rs.getLong("global_index");
        String recordedAt = rs.getString("time_stamp");
        EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, upcasters.get())
                .forEachRemaining(message -> each.accept(new Stored(globalIndex, recordedAt, message)));
    }
}
