package vn.tiendo.query.config;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rows the projections append and nothing reads while their batch runs — the auditors' log, the history snapshots —
 * collected during a processor's batch (its unit of work) and written as JDBC batches just before the batch commits,
 * in its transaction: a statement per table and batch instead of a round trip per event, which is most of what a
 * replay of millions of events spends. A projection may collect other work the same way ({@link #collect}: the
 * indicators' reports), written just before these rows.
 * <p>
 * A failing row can then no longer be told from the others, nor a failing handler's writes from the rest of the batch
 * ({@link EventHandlerIsolation}): the whole batch fails and is applied again. So after a failure this process goes
 * event by event for a while ({@code tiendo.projections.event-by-event-after-failure}, 10 minutes): each handler inside a savepoint, its rows written at once,
 * so that the event at fault is parked and the rest go on, as they would in a batch of one.
 * <p>
 * Outside a processor's batch (a parked event applied again, a test calling a handler) rows are written at once.
 */
@Component
public class BatchedAppends {

    private static final Logger log = LoggerFactory.getLogger(BatchedAppends.class);
    private static final String RESOURCE = BatchedAppends.class.getName() + ".rows";

    private final JdbcTemplate jdbc;
    private final Duration eventByEventAfterAFailure;
    private volatile long eventByEventUntilNanos = System.nanoTime();

    public BatchedAppends(JdbcTemplate jdbc, MeterRegistry meters,
                          @Value("${tiendo.projections.event-by-event-after-failure:PT10M}") Duration eventByEventAfterAFailure) {
        this.jdbc = jdbc;
        this.eventByEventAfterAFailure = eventByEventAfterAFailure;
        Gauge.builder("tiendo.projection.event.by.event", () -> eventByEvent() ? 1 : 0)
                .description("1 while the projections apply events one savepoint each after a failed batch").register(meters);
    }

    private boolean eventByEvent() {
        return System.nanoTime() - eventByEventUntilNanos < 0;
    }

    /** Appends a row with {@code sql} (an insert of values) before the current batch commits, or now when going event by event. */
    public void append(String sql, Object... args) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, args);
        } else {
            pending.rows.add(new Row(sql, args));
        }
    }

    /** Work a projection collects during a batch and writes in a few statements just before the batch commits. */
    public interface Collected {
        /** Writes what was collected so far, and forgets it. */
        void write();
    }

    /**
     * The current batch's collector of {@code type}, made by {@code create} on first use; null when writing at once
     * (event by event, or outside a processor's batch). Written before the batch's appended rows.
     */
    public <T extends Collected> T collect(Class<T> type, Supplier<T> create) {
        Pending pending = pending();
        return pending == null ? null : type.cast(pending.collected.computeIfAbsent(type, k -> create.get()));
    }

    /** Writes now what the current batch has collected of {@code type}: for a handler about to read or change what it writes. */
    public void writeCollected(Class<? extends Collected> type) {
        Pending pending = batchRows(false);
        Collected collected = pending == null ? null : pending.collected.get(type);
        if (collected != null) {
            collected.write();
        }
    }

    /** Whether the current handler runs in a batch that writes its rows together (not event by event). */
    public boolean batching() {
        return pending() != null;
    }

    /** Where the current batch's rows stand; {@link #rollbackTo} forgets what was appended after it. */
    public int mark() {
        Pending pending = batchRows(false);
        return pending == null ? 0 : pending.rows.size();
    }

    public void rollbackTo(int mark) {
        Pending pending = batchRows(false);
        if (pending != null && pending.rows.size() > mark) {
            pending.rows.subList(mark, pending.rows.size()).clear();
        }
    }

    /**
     * A handler failed in a batch: its rows are forgotten, the batch will not commit (whatever else happens to the
     * event), and this process goes event by event for a while.
     */
    void failBatch(int mark, Throwable failure) {
        Pending pending = batchRows(true); // even when another thread's failure switched to event by event meanwhile
        if (pending != null) {
            rollbackTo(mark);
            if (pending.failure == null) {
                pending.failure = failure;
            }
        }
        goEventByEvent("an event handler failed", failure);
    }

    /** The current batch's rows, or null when rows are written at once. */
    private Pending pending() {
        return eventByEvent() ? null : batchRows(true);
    }

    /** The rows of the processor's batch this thread runs (made when {@code create}), or null outside one. */
    private Pending batchRows(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (!(batch instanceof BatchingUnitOfWork)) {
            return null; // not a processor's batch: a parked event applied again, on its own
        }
        if (!create) {
            return batch.getResource(RESOURCE);
        }
        return batch.getOrComputeResource(RESOURCE, key -> {
            Pending rows = new Pending();
            batch.onPrepareCommit(u -> write(rows));
            return rows;
        });
    }

    private void write(Pending pending) {
        if (pending.failure != null) {
            throw new IllegalStateException("an event handler failed in this batch; it is applied again event by event", pending.failure);
        }
        Map<String, List<Object[]>> bySql = new LinkedHashMap<>();
        pending.rows.forEach(row -> bySql.computeIfAbsent(row.sql, sql -> new ArrayList<>()).add(row.args));
        try {
            pending.collected.values().forEach(Collected::write);
            bySql.forEach(jdbc::batchUpdate);
        } catch (RuntimeException e) {
            goEventByEvent("writing a batch's collected work and " + pending.rows.size() + " appended rows failed", e);
            throw e;
        }
    }

    private void goEventByEvent(String why, Throwable failure) {
        eventByEventUntilNanos = System.nanoTime() + eventByEventAfterAFailure.toNanos();
        log.warn("{}; the projections go event by event for {} so that the event at fault is parked", why,
                eventByEventAfterAFailure, failure);
    }

    private record Row(String sql, Object[] args) {
    }

    private static final class Pending {
        final List<Row> rows = new ArrayList<>();
        final Map<Class<?>, Collected> collected = new LinkedHashMap<>();
        Throwable failure;
    }
}
