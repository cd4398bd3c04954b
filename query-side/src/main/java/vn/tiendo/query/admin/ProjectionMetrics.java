package vn.tiendo.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Each projection's processor as metrics, tagged {@code projection}: its position in the event stream, how many events
 * it is behind the head, how many segments this process holds, how many events it parked. Read at most once a second
 * however many gauges are scraped. (Axon's own {@code eventProcessor_latency} says how old the events it handles are.)
 */
@Component
public class ProjectionMetrics {

    private final Projections projections;
    private volatile Map<String, Projections.ProcessorState> states = Map.of();
    private volatile long readAt = System.nanoTime() - 2_000_000_000L;

    public ProjectionMetrics(Projections projections, MeterRegistry meters) {
        this.projections = projections;
        for (String projection : Projections.PROCESSING_GROUPS) {
            gauge(meters, "tiendo.projection.position", "position reached in the event stream", projection, s -> s.position());
            gauge(meters, "tiendo.projection.lag.events", "events between the head of the store and the position reached", projection,
                    s -> Math.max(0, s.head() - s.position()));
            gauge(meters, "tiendo.projection.segments.claimed", "segments this process holds", projection, s -> s.claimedSegments());
            gauge(meters, "tiendo.projection.parked.events", "events parked in the dead-letter queue", projection, s -> s.parkedEvents());
        }
    }

    private void gauge(MeterRegistry meters, String name, String description, String projection,
                       ToDoubleFunction<Projections.ProcessorState> value) {
        Gauge.builder(name, () -> {
            Projections.ProcessorState state = states().get(projection);
            return state == null ? Double.NaN : value.applyAsDouble(state);
        }).description(description).tag("projection", projection).register(meters);
    }

    private Map<String, Projections.ProcessorState> states() {
        long now = System.nanoTime();
        if (now - readAt > 1_000_000_000L) {
            try {
                states = projections.states();
            } catch (RuntimeException databaseAway) {
                states = Map.of();
            }
            readAt = now;
        }
        return states;
    }
}
