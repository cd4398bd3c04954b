package vn.tiendo.query.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.tiendo.shared.EventHash;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the event store's hash chains and checkpoints, and makes checkpoints: a Merkle root over every event
 * hash up to a point, with its time, to publish outside the platform (the monthly report prints the latest).
 */
@Service
public class TamperEvidence {

    public record Checkpoint(long checkpointId, long upToGlobalIndex, long eventCount, String merkleRoot, OffsetDateTime createdAt) {

        /** The line to publish, in Vietnamese: enough to verify the store later. */
        public String statement() {
            return "Tiến Độ – điểm kiểm tra #" + checkpointId + ": " + eventCount + " sự kiện đến chỉ số " + upToGlobalIndex
                    + ", gốc Merkle SHA-256 " + merkleRoot + ", lập lúc " + createdAt;
        }
    }

    public record CheckpointCheck(Long checkpointId, long upToGlobalIndex, long expectedEventCount, long actualEventCount,
                                  String expectedRoot, String actualRoot, boolean holds) {
    }

    public record Report(boolean intact, long eventsChecked, long streams, ChainScan.Broken firstBroken, List<ChainScan.Broken> broken,
                         List<CheckpointCheck> checkpoints, Instant verifiedAt) {
    }

    /** The chain is broken: no checkpoint may vouch for it. */
    public static class ChainBroken extends RuntimeException {
        public ChainBroken(ChainScan.Broken first) {
            super("the event store's chain is broken at event " + first.eventIdentifier() + " (global index " + first.globalIndex()
                    + "): " + first.problem());
        }
    }

    /**
     * Verification reads the events' stored bytes from PostgreSQL. In the axonserver profile the events live in Axon
     * Server and that table is empty: an answer there would be "intact" over nothing, so there is none.
     */
    public static class NotVerifiable extends RuntimeException {
        public NotVerifiable() {
            super("the events are kept in Axon Server (profile axonserver); verification reads the stored bytes of the PostgreSQL "
                    + "event store and cannot vouch for events it cannot read");
        }
    }

    static final int CHECKPOINTS_VERIFIED = 30;

    private final ChainScan chains;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean eventsInAxonServer;

    public TamperEvidence(ChainScan chains, JdbcTemplate jdbc, Clock clock,
                          @Value("${axon.axonserver.enabled:false}") boolean eventsInAxonServer) {
        this.chains = chains;
        this.jdbc = jdbc;
        this.clock = clock;
        this.eventsInAxonServer = eventsInAxonServer;
    }

    private void requireReadableStore() {
        if (eventsInAxonServer) {
            throw new NotVerifiable();
        }
    }

    /** Verifies every chain, the latest stored checkpoints, and optionally a checkpoint held outside the platform. */
    public Report verify(Long externalUpTo, String externalRoot, Long externalCount) {
        requireReadableStore();
        ChainScan.Result scan = chains.scan();
        List<CheckpointCheck> checks = new ArrayList<>();
        for (Checkpoint c : latest(CHECKPOINTS_VERIFIED)) {
            checks.add(check(scan, c.checkpointId(), c.upToGlobalIndex(), c.eventCount(), c.merkleRoot()));
        }
        if (externalUpTo != null && externalRoot != null) {
            checks.add(check(scan, null, externalUpTo, externalCount == null ? -1 : externalCount, externalRoot));
        }
        boolean intact = scan.broken().isEmpty() && checks.stream().allMatch(CheckpointCheck::holds);
        return new Report(intact, scan.events(), scan.streams(), scan.broken().isEmpty() ? null : scan.broken().get(0),
                scan.broken(), checks, clock.instant());
    }

    /** A new checkpoint over everything stored now; refused when the chain is already broken. */
    public Checkpoint checkpoint() {
        requireReadableStore();
        ChainScan.Result scan = chains.scan();
        if (!scan.broken().isEmpty()) {
            throw new ChainBroken(scan.broken().get(0));
        }
        String root = EventHash.merkleRoot(scan.hashes());
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Long id = jdbc.queryForObject("insert into audit.checkpoint (up_to_global_index, event_count, merkle_root, created_at) "
                + "values (?, ?, ?, ?) returning checkpoint_id", Long.class, scan.headGlobalIndex(), scan.events(), root, now);
        return new Checkpoint(id, scan.headGlobalIndex(), scan.events(), root, now);
    }

    /** Daily by default ({@code tiendo.audit.checkpoint-cron}); skipped when nothing was recorded since the last one. */
    @Scheduled(cron = "${tiendo.audit.checkpoint-cron:0 30 0 * * *}", zone = "${tiendo.zone:Asia/Ho_Chi_Minh}")
    public void scheduledCheckpoint() {
        if (eventsInAxonServer) {
            return;
        }
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry", Long.class);
        if (latest(1).stream().noneMatch(c -> c.upToGlobalIndex() >= head)) {
            checkpoint();
        }
    }

    public List<Checkpoint> latest(int count) {
        return jdbc.query("select * from audit.checkpoint order by checkpoint_id desc limit ?", (rs, i) -> new Checkpoint(
                rs.getLong("checkpoint_id"), rs.getLong("up_to_global_index"), rs.getLong("event_count"), rs.getString("merkle_root"),
                rs.getObject("created_at", OffsetDateTime.class)), count);
    }

    public Optional<Checkpoint> latest() {
        return latest(1).stream().findFirst();
    }

    private static CheckpointCheck check(ChainScan.Result scan, Long id, long upTo, long expectedCount, String expectedRoot) {
        int end = 0;
        while (end < scan.globalIndexes().size() && scan.globalIndexes().get(end) <= upTo) {
            end++;
        }
        String actual = EventHash.merkleRoot(scan.hashes().subList(0, end));
        boolean holds = actual.equals(expectedRoot) && (expectedCount < 0 || expectedCount == end);
        return new CheckpointCheck(id, upTo, expectedCount, end, expectedRoot, actual, holds);
    }
}
