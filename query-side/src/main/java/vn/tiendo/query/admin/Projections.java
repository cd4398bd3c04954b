package vn.tiendo.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.stereotype.Component;
import vn.tiendo.query.audit.AuditLogProjection;
import vn.tiendo.query.directory.DirectoryProjection;
import vn.tiendo.query.indicator.IndicatorProjection;
import vn.tiendo.query.task.TaskProjection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The streaming processors behind the projections: their progress, and a rebuild by replaying every event. */
@Component
public class Projections {

    public static final List<String> PROCESSING_GROUPS = List.of(
            DirectoryProjection.PROCESSING_GROUP, IndicatorProjection.PROCESSING_GROUP, TaskProjection.PROCESSING_GROUP,
            AuditLogProjection.PROCESSING_GROUP);

    /**
     * {@code position} is the lowest position of the processor's segments in the event stream, {@code head} the
     * store's; caught up means every segment has reached the head.
     */
    public record ProcessorState(boolean running, boolean caughtUp, boolean replaying, long position, long head, int segments) {
    }

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventSource;

    public Projections(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventSource = eventStore;
    }

    public Map<String, ProcessorState> states() {
        long head = eventSource.createHeadToken() == null ? -1 : eventSource.createHeadToken().position().orElse(-1);
        Map<String, ProcessorState> states = new TreeMap<>();
        for (String group : PROCESSING_GROUPS) {
            StreamingEventProcessor p = processor(group);
            var segments = p.processingStatus().values();
            long position = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
            states.put(group, new ProcessorState(p.isRunning(), !segments.isEmpty() && position >= head,
                    segments.stream().anyMatch(EventTrackerStatus::isReplaying), position, head, segments.size()));
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

    /**
     * Clears the projections and replays every event into them. The processors stop for the reset (reads see empty
     * tables until the replay catches up); a zero-downtime rebuild into shadow tables is left for later.
     */
    public void rebuild() {
        for (String group : PROCESSING_GROUPS) {
            StreamingEventProcessor p = processor(group);
            p.shutDown();
            p.resetTokens();
            p.start();
        }
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + group));
    }
}
