package vn.tiendo.query.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.shared.EventHash;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Events written straight into the store, sealed into their stream as the command side seals them: what an older
 * version of the platform stored, or an event a projection cannot apply. Written on the caller's connection, so
 * that a test decides when (and in which order) they commit.
 */
final class SealedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedEvents() {
    }

    /** Appends the event after the last one of its stream (or as its first); answers the global index it took. */
    static long append(Connection c, String aggregateId, String aggregateType, String payloadType, String revision, String payloadJson,
                       String recordedAt) throws Exception {
        return append(c, aggregateId, aggregateType, payloadType, revision, payloadJson, recordedAt, Map.of());
    }

    /** {@link #append}, with metadata beside what every event carries (a reason, say). */
    static long append(Connection c, String aggregateId, String aggregateType, String payloadType, String revision, String payloadJson,
                       String recordedAt, Map<String, String> moreMetadata) throws Exception {
        long sequence = 0;
        String previousHash = EventHash.GENESIS;
        try (PreparedStatement s = c.prepareStatement("select sequence_number, convert_from(meta_data, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number desc limit 1")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    sequence = rs.getLong(1) + 1;
                    previousHash = JSON.readTree(rs.getString(2)).path(MetadataKeys.HASH).asText();
                }
            }
        }
        String eventId = UUID.randomUUID().toString();
        String at = recordedAt != null ? recordedAt : Instant.now().toString();
        byte[] payload = payloadJson.getBytes(StandardCharsets.UTF_8);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(MetadataKeys.ACTOR, "dieu-phoi");
        meta.put(MetadataKeys.ON_BEHALF_OF, "so-khcn");
        meta.put(MetadataKeys.RECORDED_AT, at);
        meta.putAll(moreMetadata);
        meta.put(MetadataKeys.PREVIOUS_HASH, previousHash);
        meta.put(MetadataKeys.HASH, EventHash.compute(eventId, aggregateId, sequence, payloadType, revision, at, payload, meta));
        try (PreparedStatement s = c.prepareStatement("insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "returning global_index")) {
            s.setString(1, eventId);
            s.setString(2, aggregateId);
            s.setLong(3, sequence);
            s.setString(4, aggregateType);
            s.setString(5, at);
            s.setString(6, payloadType);
            s.setString(7, revision);
            s.setBytes(8, payload);
            s.setBytes(9, JSON.writeValueAsBytes(meta));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The aggregate the audit log records at this global index (an event written here), or null while it has none. */
    static String logged(String database, long globalIndex) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select aggregate_id from projection.audit_log where global_index = " + globalIndex)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
