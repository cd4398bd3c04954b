package vn.tiendo.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.shared.EventHash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the event store in global order, straight from PostgreSQL (not through Axon, which would trust it),
 * recomputes every event's hash and follows each stream's chain: the whole store, or what came after a point a
 * previous pass verified, each stream going on from where that pass left it. Finds edited, removed and reordered events.
 */
@Component
public class ChainScan {

    /** An event whose chain link does not hold. */
    public record Broken(long globalIndex, String eventIdentifier, String aggregateId, long sequenceNumber, String eventType,
                         String problem) {
    }

    /** Where a stream's chain stood: the sequence its next event must have, and the hash that event must name. */
    public record Tail(long nextSequence, String lastHash) {
    }

    /**
     * The outcome of one pass: problems (at most {@code MAX_REPORTED}), and each event's recomputed hash in global
     * order; {@code tailsAt}: each stream's tail as it stood at the global index asked for ({@code snapshotAt}), null
     * when the pass did not reach it; {@code snapshotXmax}: PostgreSQL's next transaction id when the pass began, so
     * that a later pass can tell rows written (or rewritten) since.
     */
    public record Result(long events, long streams, long headGlobalIndex, List<Broken> broken, List<Long> globalIndexes,
                         List<String> eventIdentifiers, List<String> hashes, Map<String, Tail> tailsAt, long snapshotXmax) {
    }

    static final int MAX_REPORTED = 100;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public ChainScan(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /** Every event, from the first. */
    public Result scan() {
        return scan(Long.MIN_VALUE, Map.of(), Long.MAX_VALUE);
    }

    /**
     * The events after {@code afterGlobalIndex} only, each stream continuing from {@code tails} (as a previous pass
     * left them there); streams not in {@code tails} start at their first event.
     */
    public Result scan(long afterGlobalIndex, Map<String, Tail> tails, long snapshotAt) {
        Map<String, String> lastHash = new HashMap<>();
        Map<String, Long> nextSequence = new HashMap<>();
        tails.forEach((stream, tail) -> {
            lastHash.put(stream, tail.lastHash());
            nextSequence.put(stream, tail.nextSequence());
        });
        List<Broken> broken = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        long[] head = {afterGlobalIndex == Long.MIN_VALUE ? 0 : afterGlobalIndex};
        long[] xmax = {0};
        List<Map<String, Tail>> tailsAt = new ArrayList<>();
        // a read-only transaction lets PostgreSQL stream the rows with a cursor instead of loading them all
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1000);
        transaction.executeWithoutResult(tx -> {
            xmax[0] = streaming.queryForObject("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class);
            if (afterGlobalIndex >= snapshotAt) {
                tailsAt.add(copy(lastHash, nextSequence));
            }
            streaming.query("select global_index, event_identifier, aggregate_identifier, sequence_number, time_stamp, payload_type, "
                    + "payload_revision, payload, meta_data from event_store.domain_event_entry where global_index > ? order by global_index", rs -> {
                long globalIndex = rs.getLong(1);
                if (tailsAt.isEmpty() && globalIndex > snapshotAt) {
                    tailsAt.add(copy(lastHash, nextSequence));
                }
                String eventId = rs.getString(2);
                String aggregateId = rs.getString(3);
                long sequence = rs.getLong(4);
                String type = rs.getString(6);
                Map<String, Object> meta = metaData(rs.getBytes(9));
                String recomputed = EventHash.compute(eventId, aggregateId, sequence, type, rs.getString(7), rs.getString(5),
                        rs.getBytes(8), meta);
                Object stored = meta.get(MetadataKeys.HASH);
                long expected = nextSequence.getOrDefault(aggregateId, 0L);
                String problem = null;
                if (stored == null) {
                    problem = "not sealed: the event has no hash in its metadata";
                } else if (sequence != expected) {
                    problem = sequence > expected
                            ? "event #" + expected + " of " + aggregateId + " is missing: this event is #" + sequence
                            : "event #" + sequence + " of " + aggregateId + " is out of order or duplicated";
                } else if (!lastHash.getOrDefault(aggregateId, EventHash.GENESIS).equals(meta.get(MetadataKeys.PREVIOUS_HASH))) {
                    problem = "previousHash does not match the hash of the event before it in " + aggregateId;
                } else if (!recomputed.equals(stored)) {
                    problem = "the stored event does not match its hash: its payload, metadata, type or time was changed";
                }
                if (problem != null && broken.size() < MAX_REPORTED) {
                    broken.add(new Broken(globalIndex, eventId, aggregateId, sequence, type.substring(type.lastIndexOf('.') + 1), problem));
                }
                lastHash.put(aggregateId, stored == null ? recomputed : stored.toString());
                nextSequence.put(aggregateId, Math.max(expected, sequence + 1));
                indexes.add(globalIndex);
                ids.add(eventId);
                hashes.add(recomputed);
                head[0] = globalIndex;
            }, afterGlobalIndex);
        });
        if (tailsAt.isEmpty() && head[0] <= snapshotAt && snapshotAt != Long.MAX_VALUE) {
            tailsAt.add(copy(lastHash, nextSequence));
        }
        return new Result(hashes.size(), nextSequence.size(), head[0], broken, indexes, ids, hashes,
                tailsAt.isEmpty() ? null : tailsAt.get(0), xmax[0]);
    }

    private static Map<String, Tail> copy(Map<String, String> lastHash, Map<String, Long> nextSequence) {
        Map<String, Tail> tails = new HashMap<>();
        lastHash.forEach((stream, hash) -> tails.put(stream, new Tail(nextSequence.get(stream), hash)));
        return tails;
    }

    private Map<String, Object> metaData(byte[] bytes) {
        try {
            return bytes == null ? Map.of() : json.readValue(new String(bytes, StandardCharsets.UTF_8), MAP);
        } catch (Exception e) {
            return Map.of("unreadable", true);
        }
    }
}
