package vn.tiendo.query.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.tiendo.shared.EventHash;
import vn.tiendo.shared.MerkleFrontier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Verifies the event store's hash chains and checkpoints, and makes checkpoints: a Merkle root over every event
 * hash up to a point, with its time, to publish outside the platform (the monthly report prints the latest).
 * <p>
 * The chains and stored roots alone cannot stop someone who can write to PostgreSQL: they can change an event,
 * reseal its stream and recompute the stored roots. So each checkpoint is also signed with a key the database never
 * holds ({@link CheckpointSigner}) and copied, with the hash of every event it adds, to a witness file outside the
 * database ({@link Witness}); verification checks the signatures, that each checkpoint in the file extends the one
 * before it, and every stored event against its copy in the file, naming the first that differs.
 */
@Service
public class TamperEvidence {

    private static final Logger log = LoggerFactory.getLogger(TamperEvidence.class);

    public record Checkpoint(long checkpointId, long upToGlobalIndex, long eventCount, String merkleRoot, OffsetDateTime createdAt,
                             String previousRoot, String eventsDigest, String keyId, String signature) {

        /** The line to publish, in Vietnamese: enough to verify the store later. */
        public String statement() {
            return "Tiến Độ – điểm kiểm tra #" + checkpointId + ": " + eventCount + " sự kiện đến chỉ số " + upToGlobalIndex
                    + ", gốc Merkle SHA-256 " + merkleRoot + ", lập lúc " + createdAt
                    + (signature == null ? "" : ", chữ ký Ed25519 (khóa " + keyId + ") " + signature);
        }

        /** What the signature covers. */
        String signed() {
            return TamperEvidence.signed(checkpointId, upToGlobalIndex, eventCount, merkleRoot, previousRoot,
                    createdAt.toInstant().toString(), eventsDigest);
        }
    }

    /**
     * One checkpoint checked: its root against the events stored now, and its signature ({@code signatureHolds}: null
     * for a checkpoint made without a key; false when the stored checkpoint is not what was signed).
     */
    public record CheckpointCheck(Long checkpointId, long upToGlobalIndex, long expectedEventCount, long actualEventCount,
                                  String expectedRoot, String actualRoot, boolean merkleRootHolds, Boolean signatureHolds, boolean holds) {
    }

    /** The first event whose stored hash is not the one the witness file recorded, or that is gone. */
    public record WitnessDifference(long checkpointId, long globalIndex, String eventIdentifier, String aggregateId, Long sequenceNumber,
                                    String problem) {
    }

    /** The witness file read back: how many checkpoints it holds, what does not hold in it, the first event that differs. */
    public record WitnessCheck(String file, int checkpoints, boolean holds, List<String> problems, WitnessDifference firstDifference) {
    }

    /**
     * {@code mode}: {@code full} (every event read and rehashed) or {@code incremental} (the events after
     * {@code fromGlobalIndex}, where the last intact verification stopped at a checkpoint, at {@code previouslyVerifiedAt});
     * {@code eventsChecked}: rehashed in this pass; {@code eventsCovered}: all the verdict speaks for; {@code why}: why
     * a full pass was made.
     */
    public record Report(boolean intact, String mode, Long fromGlobalIndex, Instant previouslyVerifiedAt, long eventsChecked,
                         long eventsCovered, long streams, ChainScan.Broken firstBroken, List<ChainScan.Broken> broken,
                         List<CheckpointCheck> checkpoints, WitnessCheck witness, Instant verifiedAt, String why) {
    }

    /** Another verification is running in this process; its answer will be ready shortly. */
    public static class VerificationRunning extends RuntimeException {
        public VerificationRunning() {
            super("another verification is running; ask again in a moment");
        }
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
    private final CheckpointSigner signer;
    private final Witness witness;
    private final boolean eventsInAxonServer;
    private final VerifiedPoints points;
    private final StoredEvents storedEvents;
    private final ReentrantLock verifying = new ReentrantLock();

    public TamperEvidence(ChainScan chains, JdbcTemplate jdbc, Clock clock, CheckpointSigner signer, Witness witness,
                          @Value("${axon.axonserver.enabled:false}") boolean eventsInAxonServer, VerifiedPoints points,
                          StoredEvents storedEvents) {
        this.points = points;
        this.storedEvents = storedEvents;
        this.chains = chains;
        this.jdbc = jdbc;
        this.clock = clock;
        this.signer = signer;
        this.witness = witness;
        this.eventsInAxonServer = eventsInAxonServer;
    }

    private void requireReadableStore() {
        if (eventsInAxonServer) {
            throw new NotVerifiable();
        }
    }

    /** Verifies every chain, the latest stored checkpoints, the witness file, and optionally a checkpoint held outside. */
    public Report verify(Long externalUpTo, String externalRoot, Long externalCount) {
        return verify(externalUpTo, externalRoot, externalCount, true);
    }

    /**
     * Verifies the store: from where the last intact verification stopped ({@code full} false, the default for people
     * and pages) when nothing up to there was added, removed or written again since, else every event. One verification
     * at a time; a caller waits up to a minute for the one running.
     */
    public Report verify(Long externalUpTo, String externalRoot, Long externalCount, boolean full) {
        requireReadableStore();
        try {
            if (!verifying.tryLock(1, TimeUnit.MINUTES)) {
                throw new VerificationRunning();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerificationRunning();
        }
        try {
            String why = full ? "asked for" : externalRoot != null ? "a checkpoint held outside was given" : null;
            if (why == null) {
                Trusted trusted = trustedPoint();
                if (trusted.point() != null) {
                    return incremental(trusted.point(), trusted.witnessLinesBefore());
                }
                why = trusted.why();
            }
            return fullVerification(externalUpTo, externalRoot, externalCount, why);
        } finally {
            verifying.unlock();
        }
    }

    /** The last verified point when it can still be trusted (with the witness lines read before it), else why not. */
    private record Trusted(VerifiedPoints.Point point, long witnessLinesBefore, String why) {
    }

    private Trusted trustedPoint() {
        Optional<VerifiedPoints.Point> point = points.load();
        if (point.isEmpty()) {
            return new Trusted(null, 0, "no earlier verification to go on from");
        }
        String why = points.whyNotFrom(point.get(), checkpoint(point.get().checkpointId()).orElse(null));
        Witness.Prefix read = witness.kept() && point.get().witnessOffset() != null ? witness.prefix(point.get().witnessOffset()) : null;
        if (why == null && witness.kept() && point.get().witnessOffset() != null
                && (read == null || !read.digest().equals(point.get().witnessDigest()))) {
            why = "the witness file changed before where the last verification read it";
        }
        return why == null ? new Trusted(point.get(), read == null ? 0 : read.lines(), null) : new Trusted(null, 0, why);
    }

    private Report fullVerification(Long externalUpTo, String externalRoot, Long externalCount, String why) {
        List<Checkpoint> stored = latest(CHECKPOINTS_VERIFIED);
        long pointAt = stored.isEmpty() ? Long.MAX_VALUE : stored.get(0).upToGlobalIndex();
        ChainScan.Result scan = chains.scan(Long.MIN_VALUE, Map.of(), pointAt);
        List<CheckpointCheck> checks = new ArrayList<>();
        for (Checkpoint c : stored) {
            Boolean signature = c.signature() == null ? null : signer.holds(c.signed(), c.keyId(), c.signature());
            checks.add(check(scan, c.checkpointId(), c.upToGlobalIndex(), c.eventCount(), c.merkleRoot(), signature));
        }
        if (externalUpTo != null && externalRoot != null) {
            checks.add(check(scan, null, externalUpTo, externalCount == null ? -1 : externalCount, externalRoot, null));
        }
        List<Witness.Line> lines = witness.kept() ? witness.readFrom(0) : List.of();
        WitnessCheck witnessCheck = witness.kept() ? checkWitness(scan, lines, new MerkleFrontier(), null, Long.MIN_VALUE, Long.MIN_VALUE) : null;
        boolean intact = scan.broken().isEmpty() && checks.stream().allMatch(CheckpointCheck::holds)
                && (witnessCheck == null || witnessCheck.holds());
        if (intact && !stored.isEmpty() && scan.tailsAt() != null) {
            Checkpoint last = stored.get(0);
            MerkleFrontier frontier = new MerkleFrontier();
            for (int i = 0; i < scan.globalIndexes().size() && scan.globalIndexes().get(i) <= last.upToGlobalIndex(); i++) {
                frontier.add(scan.hashes().get(i));
            }
            Long offset = witnessOffsetAfter(lines, last.checkpointId());
            points.save(new VerifiedPoints.Point(last.checkpointId(), last.upToGlobalIndex(), frontier.size(), frontier, scan.tailsAt(),
                    scan.snapshotXmax(), offset, offset == null ? null : witness.prefixDigest(offset), clock.instant()));
        }
        return new Report(intact, "full", null, null, scan.events(), scan.events(), scan.streams(),
                scan.broken().isEmpty() ? null : scan.broken().get(0), scan.broken(), checks, witnessCheck, clock.instant(), why);
    }

    /**
     * The events after the last verified point only: each stream goes on from its verified tail, the Merkle frontier
     * from the verified root, and each checkpoint made since is checked where the events reach it.
     */
    private Report incremental(VerifiedPoints.Point point, long witnessLinesBefore) {
        List<Checkpoint> newer = new ArrayList<>(latest(CHECKPOINTS_VERIFIED).stream()
                .filter(c -> c.upToGlobalIndex() > point.upToGlobalIndex()).toList());
        Collections.reverse(newer);
        long pointAt = newer.isEmpty() ? Long.MAX_VALUE : newer.get(newer.size() - 1).upToGlobalIndex();
        ChainScan.Result scan = chains.scan(point.upToGlobalIndex(), point.tails(), pointAt);
        MerkleFrontier frontier = point.frontier().copy();
        MerkleFrontier atLast = null;
        List<CheckpointCheck> checks = new ArrayList<>();
        int next = 0;
        for (int i = 0; i <= scan.globalIndexes().size(); i++) {
            long globalIndex = i < scan.globalIndexes().size() ? scan.globalIndexes().get(i) : Long.MAX_VALUE;
            while (next < newer.size() && globalIndex > newer.get(next).upToGlobalIndex()) {
                Checkpoint c = newer.get(next++);
                Boolean signature = c.signature() == null ? null : signer.holds(c.signed(), c.keyId(), c.signature());
                String root = frontier.root();
                boolean rootHolds = root.equals(c.merkleRoot()) && frontier.size() == c.eventCount();
                checks.add(new CheckpointCheck(c.checkpointId(), c.upToGlobalIndex(), c.eventCount(), frontier.size(), c.merkleRoot(), root,
                        rootHolds, signature, rootHolds && !Boolean.FALSE.equals(signature)));
                if (next == newer.size()) {
                    atLast = frontier.copy();
                }
            }
            if (i < scan.globalIndexes().size()) {
                frontier.add(scan.hashes().get(i));
            }
        }
        List<Witness.Line> lines = witness.kept() ? witness.readFrom(point.witnessOffset() == null ? 0 : point.witnessOffset()) : List.of();
        WitnessCheck witnessCheck = !witness.kept() ? null : point.witnessOffset() == null
                ? checkWitness(scan, lines, new MerkleFrontier(), null, Long.MIN_VALUE, point.upToGlobalIndex())
                : checkWitness(scan, lines, point.frontier().copy(), point.frontier().root(), point.upToGlobalIndex(), point.upToGlobalIndex());
        if (witnessCheck != null) {
            // the file's lines in all, those read before included
            witnessCheck = new WitnessCheck(witnessCheck.file(), (int) (witnessLinesBefore + witnessCheck.checkpoints()),
                    witnessCheck.holds(), witnessCheck.problems(), witnessCheck.firstDifference());
        }
        boolean intact = scan.broken().isEmpty() && checks.stream().allMatch(CheckpointCheck::holds)
                && (witnessCheck == null || witnessCheck.holds());
        if (intact && atLast != null && scan.tailsAt() != null) {
            Checkpoint last = newer.get(newer.size() - 1);
            Long offset = witness.kept() ? witnessOffsetAfter(lines, last.checkpointId()) : null;
            points.save(new VerifiedPoints.Point(last.checkpointId(), last.upToGlobalIndex(), atLast.size(), atLast, scan.tailsAt(),
                    scan.snapshotXmax(), offset, offset == null ? null : witness.prefixDigest(offset), clock.instant()));
        }
        return new Report(intact, "incremental", point.upToGlobalIndex(), point.verifiedAt(), scan.events(),
                point.eventCount() + scan.events(), scan.streams(), scan.broken().isEmpty() ? null : scan.broken().get(0), scan.broken(),
                checks, witnessCheck, clock.instant(), null);
    }

    private static Long witnessOffsetAfter(List<Witness.Line> lines, long checkpointId) {
        return lines.stream().filter(l -> l.entry().checkpointId() == checkpointId).map(Witness.Line::endOffset).findFirst().orElse(null);
    }

    private Optional<Checkpoint> checkpoint(long checkpointId) {
        return jdbc.query("select * from audit.checkpoint where checkpoint_id = ?", (rs, i) -> new Checkpoint(
                rs.getLong("checkpoint_id"), rs.getLong("up_to_global_index"), rs.getLong("event_count"), rs.getString("merkle_root"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("previous_root"), rs.getString("events_digest"),
                rs.getString("key_id"), rs.getString("signature")), checkpointId).stream().findFirst();
    }

    /**
     * A new checkpoint over everything stored now, signed when a key is configured and copied to the witness file when
     * one is kept; refused when the chain is already broken. One at a time in this process.
     */
    public synchronized Checkpoint checkpoint() {
        requireReadableStore();
        long horizon = safeHorizon();
        Optional<Witness.Entry> lastWitnessed = witness.kept() ? witness.last() : Optional.empty();
        // from the last verified point when it can be trusted (and the witness file has reached it): only the events
        // since are read, the root comes from the point's frontier; else every event is read
        Trusted trusted = trustedPoint();
        VerifiedPoints.Point point = trusted.point() != null && trusted.point().upToGlobalIndex() <= horizon
                && (!witness.kept() || lastWitnessed.map(Witness.Entry::upToGlobalIndex).orElse(Long.MIN_VALUE) >= trusted.point().upToGlobalIndex())
                ? trusted.point() : null;
        ChainScan.Result scan = point == null ? upTo(chains.scan(), horizon)
                : upTo(chains.scan(point.upToGlobalIndex(), point.tails(), Long.MAX_VALUE), horizon);
        if (!scan.broken().isEmpty()) {
            throw new ChainBroken(scan.broken().get(0));
        }
        String root;
        long eventCount;
        long head;
        if (point == null) {
            root = EventHash.merkleRoot(scan.hashes());
            eventCount = scan.events();
            head = scan.headGlobalIndex();
        } else {
            MerkleFrontier frontier = point.frontier().copy();
            scan.hashes().forEach(frontier::add);
            root = frontier.root();
            eventCount = frontier.size();
            head = scan.events() == 0 ? point.upToGlobalIndex() : scan.globalIndexes().get(scan.globalIndexes().size() - 1);
        }
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        // the witness file lists every event once: those after the last checkpoint it holds (all, in a new file)
        List<Witness.Seen> events = witness.kept()
                ? seenAfter(scan, lastWitnessed.map(Witness.Entry::upToGlobalIndex).orElse(Long.MIN_VALUE)) : List.of();
        String eventsDigest = witness.kept() ? digest(events) : null;
        String previousRoot = witness.kept() ? lastWitnessed.map(Witness.Entry::merkleRoot).orElse(null)
                : latest().map(Checkpoint::merkleRoot).orElse(null);
        // the number first, so that the checkpoint is stored whole, signature included, in one statement
        long id = jdbc.queryForObject("select nextval(pg_get_serial_sequence('audit.checkpoint', 'checkpoint_id'))", Long.class);
        String statement = signed(id, head, eventCount, root, previousRoot, now.toInstant().toString(), eventsDigest);
        Optional<CheckpointSigner.Signed> signature = signer.sign(statement);
        jdbc.update("insert into audit.checkpoint (checkpoint_id, up_to_global_index, event_count, merkle_root, created_at, previous_root, "
                        + "events_digest, key_id, signature) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, head, eventCount,
                root, now, previousRoot, eventsDigest, signature.map(CheckpointSigner.Signed::keyId).orElse(null),
                signature.map(CheckpointSigner.Signed::signature).orElse(null));
        if (witness.kept()) {
            witness.append(new Witness.Entry(id, head, eventCount, root, previousRoot, now.toInstant().toString(),
                    eventsDigest, signature.map(CheckpointSigner.Signed::keyId).orElse(null),
                    signature.map(CheckpointSigner.Signed::signature).orElse(null), events));
        }
        return new Checkpoint(id, head, eventCount, root, now, previousRoot, eventsDigest,
                signature.map(CheckpointSigner.Signed::keyId).orElse(null), signature.map(CheckpointSigner.Signed::signature).orElse(null));
    }

    /** Daily by default ({@code tiendo.audit.checkpoint-cron}); skipped when nothing was recorded since the last one. */
    @Scheduled(cron = "${tiendo.audit.checkpoint-cron:0 30 0 * * *}", zone = "${tiendo.zone:Asia/Ho_Chi_Minh}")
    public void scheduledCheckpoint() {
        if (eventsInAxonServer) {
            return;
        }
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry", Long.class);
        if (head > 0 && latest(1).stream().noneMatch(c -> c.upToGlobalIndex() >= head)) {
            checkpoint();
        }
    }

    /**
     * After every import too: a new checkpoint as soon as events an import recorded (they carry {@code importFile} in
     * their metadata) are not yet covered by one; looked for every minute ({@code tiendo.audit.import-checkpoint-delay}),
     * among the events after the last checkpoint only.
     */
    @Scheduled(fixedDelayString = "${tiendo.audit.import-checkpoint-delay:PT1M}", initialDelayString = "${tiendo.audit.import-checkpoint-delay:PT1M}")
    public void checkpointAfterImport() {
        if (eventsInAxonServer) {
            return;
        }
        long covered = latest().map(Checkpoint::upToGlobalIndex).orElse(0L);
        Boolean imported = jdbc.queryForObject("select exists(select 1 from event_store.domain_event_entry where global_index > ? "
                + "and convert_from(meta_data, 'UTF8')::jsonb ->> 'importFile' is not null)", Boolean.class, covered);
        if (Boolean.TRUE.equals(imported)) {
            try {
                checkpoint();
            } catch (ChainBroken broken) {
                log.warn("No checkpoint after the import: {}", broken.getMessage());
            }
        }
    }

    /** At start-up too, so that a store is never without a checkpoint until the first night. */
    @EventListener(ApplicationReadyEvent.class)
    public void checkpointAtStart() {
        scheduledCheckpoint();
    }

    public List<Checkpoint> latest(int count) {
        return jdbc.query("select * from audit.checkpoint order by checkpoint_id desc limit ?", (rs, i) -> new Checkpoint(
                rs.getLong("checkpoint_id"), rs.getLong("up_to_global_index"), rs.getLong("event_count"), rs.getString("merkle_root"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("previous_root"), rs.getString("events_digest"),
                rs.getString("key_id"), rs.getString("signature")), count);
    }

    public Optional<Checkpoint> latest() {
        return latest(1).stream().findFirst();
    }

    /**
     * The highest global index a checkpoint may cover now. A transaction still in flight (a long import) has taken
     * its indexes but not committed them, and will commit them below events already visible: a checkpoint over those
     * events would fail forever once they land. Such a transaction shows as a gap in the indexes followed by recent
     * events, so the checkpoint stops before the first gap followed by an event recorded in the last
     * {@link #IN_FLIGHT} (a gap left by a rolled-back transaction is passed once that time is over).
     */
    long safeHorizon() {
        long covered = latest().map(Checkpoint::upToGlobalIndex).orElse(0L);
        Long horizon = storedEvents.beforeFirstOpenGap(covered, clock.instant().minus(IN_FLIGHT));
        return horizon == null ? Long.MAX_VALUE : horizon;
    }

    /** How long a gap in the global indexes is taken for a transaction still in flight. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(15);

    private static ChainScan.Result upTo(ChainScan.Result scan, long horizon) {
        int end = 0;
        while (end < scan.globalIndexes().size() && scan.globalIndexes().get(end) <= horizon) {
            end++;
        }
        if (end == scan.globalIndexes().size()) {
            return scan;
        }
        List<Long> indexes = scan.globalIndexes().subList(0, end);
        return new ChainScan.Result(end, scan.streams(), end == 0 ? 0 : indexes.get(end - 1),
                scan.broken().stream().filter(b -> b.globalIndex() <= horizon).toList(), indexes,
                scan.eventIdentifiers().subList(0, end), scan.hashes().subList(0, end), null, scan.snapshotXmax());
    }

    /** What a checkpoint's signature covers, in one line. */
    static String signed(long id, long upTo, long count, String root, String previousRoot, String createdAt, String eventsDigest) {
        return String.join("|", "tiendo-checkpoint-v1", String.valueOf(id), String.valueOf(upTo), String.valueOf(count), root,
                previousRoot == null ? "" : previousRoot, createdAt, eventsDigest == null ? "" : eventsDigest);
    }

    /**
     * The witness lines read ({@code lines}) against the events this pass read ({@code scan}): each line's signature, that
     * it extends the one before ({@code previousRoot}, {@code upTo}: where the lines before it left off), its digest, its
     * root over every witnessed hash (the frontier goes on from {@code witnessed}), and each event it lists after
     * {@code verifiedUpTo} (the events before were compared by an earlier pass) against the stored one.
     */
    private WitnessCheck checkWitness(ChainScan.Result scan, List<Witness.Line> lines, MerkleFrontier witnessed, String previousRoot,
                                      long upTo, long verifiedUpTo) {
        List<Witness.Entry> entries = lines.stream().map(Witness.Line::entry).toList();
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < scan.globalIndexes().size(); i++) {
            position.put(scan.globalIndexes().get(i), i);
        }
        List<String> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        WitnessDifference first = null;
        for (Witness.Entry e : entries) {
            String label = "checkpoint #" + e.checkpointId() + " in the witness file";
            if (!signer.holds(signed(e.checkpointId(), e.upToGlobalIndex(), e.eventCount(), e.merkleRoot(), e.previousRoot(), e.createdAt(),
                    e.eventsDigest()), e.keyId(), e.signature())) {
                problems.add(label + ": its signature does not hold, or its key is not trusted");
            }
            if (!Objects.equals(e.previousRoot(), previousRoot) || e.upToGlobalIndex() < upTo) {
                problems.add(label + " does not extend the one before it");
            }
            if (!digest(e.events()).equals(e.eventsDigest())) {
                problems.add(label + ": its events do not match their digest");
            }
            for (Witness.Seen event : e.events()) {
                witnessed.add(event.hash());
                seen.add(event.globalIndex());
                if (event.globalIndex() <= verifiedUpTo) {
                    continue;
                }
                Integer at = position.get(event.globalIndex());
                String problem = at == null || !scan.eventIdentifiers().get(at).equals(event.eventIdentifier())
                        ? "the event is gone from the store"
                        : scan.hashes().get(at).equals(event.hash()) ? null
                        : "the stored event differs from its copy made at checkpoint #" + e.checkpointId()
                        + ": it was changed, and its stream resealed, after that checkpoint";
                if (problem != null && first == null) {
                    first = named(e.checkpointId(), event.globalIndex(), event.eventIdentifier(), problem);
                }
            }
            if (witnessed.size() != e.eventCount() || !witnessed.root().equals(e.merkleRoot())) {
                problems.add(label + ": its root is not the root of the events the file lists up to it");
            }
            previousRoot = e.merkleRoot();
            upTo = e.upToGlobalIndex();
        }
        // an event the store holds below the last witnessed point that no checkpoint ever saw was slipped in since
        for (int i = 0; i < scan.globalIndexes().size() && first == null; i++) {
            long globalIndex = scan.globalIndexes().get(i);
            if (globalIndex <= upTo && !seen.contains(globalIndex)) {
                first = named(entries.get(entries.size() - 1).checkpointId(), globalIndex, scan.eventIdentifiers().get(i),
                        "the store holds an event below the witnessed checkpoints that none of them saw: it was added afterwards");
            }
        }
        return new WitnessCheck(witness.location(), entries.size(), problems.isEmpty() && first == null, problems, first);
    }

    private WitnessDifference named(long checkpointId, long globalIndex, String eventIdentifier, String problem) {
        List<Map<String, Object>> rows = jdbc.queryForList("select aggregate_identifier, sequence_number from event_store.domain_event_entry "
                + "where event_identifier = ?", eventIdentifier);
        Map<String, Object> row = rows.isEmpty() ? Map.of() : rows.get(0);
        return new WitnessDifference(checkpointId, globalIndex, eventIdentifier, (String) row.get("aggregate_identifier"),
                row.get("sequence_number") == null ? null : ((Number) row.get("sequence_number")).longValue(), problem);
    }

    private static List<Witness.Seen> seenAfter(ChainScan.Result scan, long after) {
        List<Witness.Seen> events = new ArrayList<>();
        for (int i = 0; i < scan.globalIndexes().size(); i++) {
            if (scan.globalIndexes().get(i) > after) {
                events.add(new Witness.Seen(scan.globalIndexes().get(i), scan.eventIdentifiers().get(i), scan.hashes().get(i)));
            }
        }
        return events;
    }

    private static String digest(List<Witness.Seen> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append(e.globalIndex()).append(':').append(e.eventIdentifier()).append(':').append(e.hash()).append('\n'));
        return HexFormat.of().formatHex(EventHash.sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static CheckpointCheck check(ChainScan.Result scan, Long id, long upTo, long expectedCount, String expectedRoot, Boolean signature) {
        int end = 0;
        while (end < scan.globalIndexes().size() && scan.globalIndexes().get(end) <= upTo) {
            end++;
        }
        String actual = EventHash.merkleRoot(scan.hashes().subList(0, end));
        boolean rootHolds = actual.equals(expectedRoot) && (expectedCount < 0 || expectedCount == end);
        return new CheckpointCheck(id, upTo, expectedCount, end, expectedRoot, actual, rootHolds, signature,
                rootHolds && !Boolean.FALSE.equals(signature));
    }
}
