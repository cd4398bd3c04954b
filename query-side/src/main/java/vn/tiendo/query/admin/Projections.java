package vn.tiendo.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.query.audit.AuditLogProjection;
import vn.tiendo.query.directory.DirectoryProjection;
import vn.tiendo.query.emulation.EmulationProjection;
import vn.tiendo.query.indicator.IndicatorProjection;
import vn.tiendo.query.task.TaskProjection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The streaming processors behind the projections: their progress and their parked events (rebuilds: {@link ProjectionRebuild}). */
@Component
public class Projections {

    public static final List<String> PROCESSING_GROUPS = List.of(
            DirectoryProjection.PROCESSING_GROUP, IndicatorProjection.PROCESSING_GROUP, TaskProjection.PROCESSING_GROUP,
            AuditLogProjection.PROCESSING_GROUP, EmulationProjection.PROCESSING_GROUP);

    /**
     * {@code position} is the lowest position of the segments this process works on, {@code head} the store's;
     * caught up means every one of the processor's {@code segments} is claimed here ({@code claimedSegments}) and has
     * reached the head, and no event is parked: a segment released after an error (the database went away) waits to
     * be claimed again behind the others, and a projection that parked an event lacks it (and every later event of
     * that record), however far its position has come. (With several query-side processes, each sees the segments it
     * holds: ask each.)
     */
    public record ProcessorState(boolean running, boolean caughtUp, boolean replaying, long position, long head, int segments,
                                 int claimedSegments, long parkedEvents) {
    }

    /** An event a projection could not apply, parked with the reason. */
    public record ParkedEvent(String projection, String aggregateId, long sequenceNumber, String eventType, String eventId,
                              String parkedAt, String cause) {
    }

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventSource;
    private final JdbcTemplate jdbc;
    private final TokenStore tokenStore;

    public Projections(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc, TokenStore tokenStore) {
        this.tokenStore = tokenStore;
        this.processing = processing;
        this.eventSource = eventStore;
        this.jdbc = jdbc;
    }

    public Map<String, ProcessorState> states() {
        long head = eventSource.createHeadToken() == null ? -1 : eventSource.createHeadToken().position().orElse(-1);
        Map<String, Long> parked = new HashMap<>();
        jdbc.query("select processing_group, count(*) from projection.dead_letter_entry group by processing_group",
                rs -> {
                    parked.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, ProcessorState> states = new TreeMap<>();
        for (String group : PROCESSING_GROUPS) {
            StreamingEventProcessor p = processor(group);
            var segments = p.processingStatus().values();
            long position = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
            long parkedHere = parked.getOrDefault(group, 0L);
            int total = tokenStore.fetchSegments(group).length;
            states.put(group, new ProcessorState(p.isRunning(), !segments.isEmpty() && segments.size() >= total && position >= head
                    && parkedHere == 0, segments.stream().anyMatch(EventTrackerStatus::isReplaying), position, head, total, segments.size(),
                    parkedHere));
        }
        return states;
    }

    /**
     * True when every processor runs and has reached the head of the store. (After a rebuild Axon still reports
     * "replaying" until the first new event passes the reset point, though the rows are complete.)
     */
    public boolean upToDate() {
        return states().values().stream().allMatch(s -> s.running() && s.caughtUp());
    }

    /** What the projections parked, oldest first. */
    public List<ParkedEvent> parked() {
        return jdbc.query("select processing_group, aggregate_identifier, sequence_number, payload_type, event_identifier, enqueued_at, "
                        + "coalesce(cause_type, '') || ': ' || coalesce(cause_message, '') from projection.dead_letter_entry "
                        + "order by enqueued_at, sequence_index limit 1000",
                (rs, i) -> new ParkedEvent(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)));
    }

    /**
     * Tries every parked sequence again (after a fix is deployed): what now applies leaves the table, what still
     * fails stays. Answers how many sequences were applied.
     */
    public int retryParked() {
        int applied = 0;
        for (String group : PROCESSING_GROUPS) {
            var letters = processing.sequencedDeadLetterProcessor(group);
            if (letters.isEmpty()) {
                continue;
            }
            long sequences = jdbc.queryForObject("select count(distinct sequence_identifier) from projection.dead_letter_entry "
                    + "where processing_group = ?", Long.class, group);
            for (long i = 0; i < sequences && letters.get().processAny(); i++) {
                applied++;
            }
        }
        return applied;
    }

    /**
     * Gives up on a record's parked events in one projection: they leave the dead-letter queue unapplied (the events
     * themselves stay in the store, facts as ever) and the record's later events project again. Answers the ids of
     * the events given up; none when nothing of that record is parked there.
     */
    public List<String> evict(String projection, String aggregateId) {
        if (!PROCESSING_GROUPS.contains(projection)) {
            return List.of();
        }
        var queue = processing.deadLetterQueue(projection);
        if (queue.isEmpty()) {
            return List.of();
        }
        List<String> evicted = new ArrayList<>();
        for (var letter : queue.get().deadLetterSequence(aggregateId)) {
            evicted.add(letter.message().getIdentifier());
            queue.get().evict(letter);
        }
        return evicted;
    }

    /** The live processor of a projection. */
    StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + group));
    }
}
