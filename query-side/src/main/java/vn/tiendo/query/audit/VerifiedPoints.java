package vn.tiendo.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tiendo.shared.EventHash;
import vn.tiendo.shared.MerkleFrontier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the last intact verification stopped ({@code projection.verified_point}), so that the next one reads only
 * what came after: the checkpoint it stopped at, the Merkle frontier up to there, each stream's tail, PostgreSQL's
 * next transaction id when it read them and how far into the witness file it went. Signed with the checkpoint key
 * when there is one, so that someone who can write to the database cannot move the point past events they rewrote.
 */
@Component
public class VerifiedPoints {

    /** A point verification can go on from. */
    public record Point(long checkpointId, long upToGlobalIndex, long eventCount, MerkleFrontier frontier,
                        Map<String, ChainScan.Tail> tails, long snapshotXmax, Long witnessOffset, String witnessDigest, Instant verifiedAt) {
    }

    private static final TypeReference<List<String>> NODES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final CheckpointSigner signer;

    public VerifiedPoints(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json, CheckpointSigner signer) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.signer = signer;
    }

    public void save(Point unrounded) {
        // as PostgreSQL keeps it (microseconds), so that the signed statement reads back the same
        Point point = new Point(unrounded.checkpointId(), unrounded.upToGlobalIndex(), unrounded.eventCount(), unrounded.frontier(),
                unrounded.tails(), unrounded.snapshotXmax(), unrounded.witnessOffset(), unrounded.witnessDigest(),
                unrounded.verifiedAt().truncatedTo(ChronoUnit.MICROS));
        Optional<CheckpointSigner.Signed> signature = signer.sign(statement(point));
        transaction.executeWithoutResult(tx -> {
            jdbc.update("delete from projection.verified_point");
            jdbc.update("delete from projection.verified_stream");
            jdbc.update("insert into projection.verified_point (checkpoint_id, up_to_global_index, event_count, frontier, snapshot_xmax, "
                            + "witness_offset, witness_digest, verified_at, key_id, signature) values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)",
                    point.checkpointId(), point.upToGlobalIndex(), point.eventCount(), write(point.frontier().nodes()), point.snapshotXmax(),
                    point.witnessOffset(), point.witnessDigest(), point.verifiedAt().atOffset(ZoneOffset.UTC),
                    signature.map(CheckpointSigner.Signed::keyId).orElse(null), signature.map(CheckpointSigner.Signed::signature).orElse(null));
            List<Object[]> rows = new ArrayList<>();
            point.tails().forEach((stream, tail) -> rows.add(new Object[]{stream, tail.nextSequence(), tail.lastHash()}));
            jdbc.batchUpdate("insert into projection.verified_stream (aggregate_identifier, next_sequence, last_hash) values (?, ?, ?)", rows);
        });
    }

    /** The last point, or empty when there is none or its signature does not hold (then verification starts over). */
    public Optional<Point> load() {
        return transaction.execute(tx -> {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from projection.verified_point");
            if (rows.isEmpty()) {
                return Optional.<Point>empty();
            }
            Map<String, Object> row = rows.get(0);
            Map<String, ChainScan.Tail> tails = new HashMap<>();
            jdbc.query("select aggregate_identifier, next_sequence, last_hash from projection.verified_stream", rs -> {
                tails.put(rs.getString(1), new ChainScan.Tail(rs.getLong(2), rs.getString(3)));
            });
            long eventCount = ((Number) row.get("event_count")).longValue();
            Point point = new Point(((Number) row.get("checkpoint_id")).longValue(), ((Number) row.get("up_to_global_index")).longValue(),
                    eventCount, MerkleFrontier.of(eventCount, read(row.get("frontier").toString())), tails,
                    ((Number) row.get("snapshot_xmax")).longValue(),
                    row.get("witness_offset") == null ? null : ((Number) row.get("witness_offset")).longValue(),
                    (String) row.get("witness_digest"),
                    ((java.sql.Timestamp) row.get("verified_at")).toInstant());
            String signature = (String) row.get("signature");
            boolean holds = signature == null ? !signer.signs() : signer.holds(statement(point), (String) row.get("key_id"), signature);
            return holds ? Optional.of(point) : Optional.<Point>empty();
        });
    }

    /**
     * Why verification cannot go on from {@code point}, or null when it can: the events up to it must be exactly those
     * it counted, none written or rewritten by a transaction that began after it read them.
     */
    public String whyNotFrom(Point point, TamperEvidence.Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.checkpointId() != point.checkpointId()
                || !checkpoint.merkleRoot().equals(point.frontier().root()) || checkpoint.eventCount() != point.eventCount()) {
            return "the last verified point does not match its checkpoint";
        }
        Map<String, Object> below = jdbc.queryForMap("select count(*) as events, count(*) filter (where age(xmin) <= "
                + "pg_snapshot_xmax(pg_current_snapshot())::text::bigint - ?) as rewritten "
                + "from event_store.domain_event_entry where global_index <= ?", point.snapshotXmax(), point.upToGlobalIndex());
        if (((Number) below.get("events")).longValue() != point.eventCount()) {
            return "events up to the last verified point were added or removed since it was verified";
        }
        if (((Number) below.get("rewritten")).longValue() > 0) {
            return "events up to the last verified point were written again since it was verified";
        }
        return null;
    }

    /** What the point's signature covers: everything the next verification trusts, the tails by their digest. */
    private static String statement(Point point) {
        StringBuilder tails = new StringBuilder();
        new TreeMap<>(point.tails()).forEach((stream, tail) ->
                tails.append(stream).append(':').append(tail.nextSequence()).append(':').append(tail.lastHash()).append('\n'));
        return String.join("|", "tiendo-verified-point-v1", String.valueOf(point.checkpointId()), String.valueOf(point.upToGlobalIndex()),
                String.valueOf(point.eventCount()), point.frontier().root(), String.valueOf(point.snapshotXmax()),
                String.valueOf(point.witnessOffset()), String.valueOf(point.witnessDigest()), point.verifiedAt().toString(),
                HexFormat.of().formatHex(EventHash.sha256(tails.toString().getBytes(StandardCharsets.UTF_8))));
    }

    private String write(List<String> nodes) {
        try {
            return json.writeValueAsString(nodes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String nodes) {
        try {
            return json.readValue(nodes, NODES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
