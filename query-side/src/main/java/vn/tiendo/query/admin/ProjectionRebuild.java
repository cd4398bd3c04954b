package vn.tiendo.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.query.config.AxonConfig;
import vn.tiendo.shared.EventStoreSchema;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Rebuilds every projection while the live ones keep answering. The events are replayed into new tables (schema
 * {@value #SCHEMA}, an empty copy of the live one) by processors of their own, built here around the same event
 * handlers: each of their transactions points the handlers' unqualified table names at the new schema. When the
 * replay has caught up with the store, the live processors pause, the replay takes the last events, and the two
 * schemas swap names in one transaction (the SQL functions of migration V16); the live processors then go on from the
 * rebuilt tables' tokens. Readers see the old rows until the switch and the rebuilt ones after it; the projections
 * stop only for the switch (reported as {@code pausedMillis}).
 * <p>
 * One rebuild at a time, in this process. An event the replay cannot apply is parked in the new schema's dead-letter
 * table, as the live processors would, and is listed as parked after the switch; events an administrator gave up
 * before are left out again.
 */
@Component
public class ProjectionRebuild {

    public static final String SCHEMA = "projection_next";
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration POLL = Duration.ofMillis(100);

    public enum Stage { IDLE, PREPARING, REPLAYING, SWITCHING, DONE, FAILED }

    /**
     * Where a rebuild stands. {@code position} is the lowest position the replay has reached in the event stream and
     * {@code head} the store's; events per second since the replay began, and the seconds left at that pace.
     */
    public record Progress(Stage stage, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, long position,
                           long head, double percent, double eventsPerSecond, Long etaSeconds, Long pausedMillis, String failure) {

        static Progress idle() {
            return new Progress(Stage.IDLE, null, null, null, -1, -1, 0, 0, null, null, null);
        }

        boolean running() {
            return stage == Stage.PREPARING || stage == Stage.REPLAYING || stage == Stage.SWITCHING;
        }
    }

    /** Asked to start while one runs. */
    public static final class AlreadyRunning extends RuntimeException {
        public AlreadyRunning() {
            super("a rebuild is running");
        }
    }

    private final Projections projections;
    private final ApplicationContext context;
    private final org.axonframework.config.Configuration axon;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore liveTokens;
    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int batchSize;
    private final String nodeId;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(new AxonThreadFactory("projection-rebuild"));
    private volatile Progress progress = Progress.idle();

    public ProjectionRebuild(Projections projections, ApplicationContext context, org.axonframework.config.Configuration axon,
                             EventStore events, TokenStore liveTokens, ConnectionProvider connections, TransactionManager transactions,
                             Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer, JdbcTemplate jdbc,
                             Clock clock, MeterRegistry meters, @Value("${tiendo.rebuild.batch-size:500}") int batchSize,
                             @Value("${tiendo.node-id:}") String nodeId) {
        this.projections = projections;
        this.context = context;
        this.axon = axon;
        this.events = events;
        this.liveTokens = liveTokens;
        this.connections = connections;
        this.transactions = transactions;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
        this.nodeId = nodeId;
        Gauge.builder("tiendo.projection.rebuild.running", () -> progress.running() ? 1 : 0)
                .description("1 while a projection rebuild runs").register(meters);
        Gauge.builder("tiendo.projection.rebuild.position", () -> progress.position())
                .description("position the rebuild's replay has reached in the event stream").register(meters);
        Gauge.builder("tiendo.projection.rebuild.head", () -> progress.head())
                .description("head of the event stream the rebuild is replaying towards").register(meters);
        Gauge.builder("tiendo.projection.rebuild.events.per.second", () -> progress.eventsPerSecond())
                .description("events replayed per second since the rebuild began").register(meters);
    }

    public Progress progress() {
        return progress;
    }

    /**
     * Starts a rebuild in the background and answers its first progress; {@code whenFinished} is told how it ended.
     *
     * @throws AlreadyRunning while another one runs
     */
    public synchronized Progress start(String actor, Consumer<Progress> whenFinished) {
        if (progress.running()) {
            throw new AlreadyRunning();
        }
        progress = new Progress(Stage.PREPARING, actor, now(), null, -1, head(), 0, 0, null, null, null);
        runner.submit(() -> {
            Progress ended = run();
            try {
                whenFinished.accept(ended);
            } catch (RuntimeException e) {
                log.warn("could not record the end of the rebuild", e);
            }
            progress = ended; // after it is recorded: whoever sees the end finds it in the record too
        });
        return progress;
    }

    private Progress run() {
        List<Replay> replays = new ArrayList<>();
        List<StreamingEventProcessor> paused = new ArrayList<>();
        try {
            jdbc.execute("select audit.prepare_projection_rebuild()");
            for (Map.Entry<String, List<Object>> group : handlersByGroup().entrySet()) {
                replays.add(new Replay(group.getKey(), group.getValue(), givenUp(group.getKey())));
            }
            replays.forEach(replay -> replay.processor.start());
            long replayStarted = System.nanoTime();
            long head = head();
            head = replayUntilCaughtUp(replays, head, replayStarted);
            // the replay updated rows many times over: clean and count the new tables before readers use them (only the
            // tables' owner may; as any other role this does nothing, and autovacuum does it later)
            vacuum();
            head = replayUntilCaughtUp(replays, head(), replayStarted);
            // The switch. The replay has caught up; it and the live processors stop together (the replay's tokens then
            // say how far the rebuilt tables go, and the live processors take what came since), the schemas swap names,
            // and the live processors start again on the rebuilt tables.
            report(Stage.SWITCHING, replays, head, replayStarted);
            long last = Math.max(head, position(replays));
            long pausedAt = System.nanoTime();
            List<CompletableFuture<Void>> stopping = new ArrayList<>();
            for (String group : Projections.PROCESSING_GROUPS) {
                StreamingEventProcessor live = projections.processor(group);
                paused.add(live);
                stopping.add(live.shutdownAsync());
            }
            replays.forEach(replay -> stopping.add(replay.processor.shutdownAsync()));
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
            long stopped = System.nanoTime();
            jdbc.execute("select audit.switch_to_rebuilt_projections()");
            long switched = System.nanoTime();
            paused.forEach(StreamingEventProcessor::start);
            paused.clear();
            long pausedMillis = millisSince(pausedAt);
            log.info("rebuild switched at position {}: processors stopped in {} ms, schemas swapped in {} ms, {} ms paused in all", last,
                    (stopped - pausedAt) / 1_000_000, (switched - stopped) / 1_000_000, pausedMillis);
            jdbc.execute("select audit.drop_replaced_projections()");
            return finished(Stage.DONE, last, replayStarted, pausedMillis, null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("projection rebuild failed; the live projections are kept", e);
            replays.forEach(Replay::stopQuietly);
            paused.forEach(StreamingEventProcessor::start);
            try {
                jdbc.execute("select audit.discard_projection_rebuild()");
            } catch (RuntimeException cleanup) {
                log.warn("could not discard the rebuild's schema", cleanup);
            }
            return finished(Stage.FAILED, progress.position(), null, null, e.getClass().getSimpleName());
        } finally {
            replays.forEach(Replay::release);
        }
    }

    private long replayUntilCaughtUp(List<Replay> replays, long head, long replayStarted) throws InterruptedException {
        while (!caughtUp(replays, head)) {
            for (Replay replay : replays) {
                if (replay.caughtUpAfterMillis < 0 && replay.caughtUp(head)) {
                    // which projection a rebuild waits for: each one's replay time, in the log
                    replay.caughtUpAfterMillis = millisSince(replayStarted);
                    log.info("replay of {} caught up with position {} after {} ms", replay.processor.getName(), head, replay.caughtUpAfterMillis);
                }
            }
            report(Stage.REPLAYING, replays, head, replayStarted);
            Thread.sleep(POLL.toMillis());
            head = head();
        }
        return head;
    }

    private void vacuum() {
        long begun = System.nanoTime();
        for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = ?", String.class, SCHEMA)) {
            jdbc.execute("vacuum (analyze) " + SCHEMA + ".\"" + table.replace("\"", "\"\"") + "\"");
        }
        log.info("rebuilt tables vacuumed and analysed in {} ms", millisSince(begun));
    }

    private void report(Stage stage, List<Replay> replays, long head, long replayStarted) {
        long position = position(replays);
        double seconds = Math.max(0.001, millisSince(replayStarted) / 1000.0);
        double rate = Math.max(0, position) / seconds;
        Long eta = rate <= 0 ? null : Math.round(Math.max(0, head - position) / rate);
        progress = new Progress(stage, progress.startedBy(), progress.startedAt(), null, position, head, percent(position, head),
                Math.round(rate * 10) / 10.0, eta, null, null);
    }

    private Progress finished(Stage stage, long position, Long replayStarted, Long pausedMillis, String failure) {
        double rate = 0;
        if (replayStarted != null) {
            double seconds = Math.max(0.001, millisSince(replayStarted) / 1000.0);
            rate = Math.round(Math.max(0, position) / seconds * 10) / 10.0;
        }
        return new Progress(stage, progress.startedBy(), progress.startedAt(), now(), position, progress.head() < position ? position
                : progress.head(), stage == Stage.DONE ? 100 : percent(position, progress.head()), rate, stage == Stage.DONE ? 0L : null,
                pausedMillis, failure);
    }

    /** Durations by the machine's monotonic clock: the platform's clock may be fixed (TIENDO_CLOCK). */
    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static double percent(long position, long head) {
        return head <= 0 ? 100 : Math.min(100, Math.round(Math.max(0, position) * 1000.0 / head) / 10.0);
    }

    private static boolean caughtUp(List<Replay> replays, long head) {
        return replays.stream().allMatch(replay -> replay.caughtUp(head));
    }

    private static long position(List<Replay> replays) {
        return replays.stream().mapToLong(Replay::position).min().orElse(-1);
    }

    private long head() {
        var token = events.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** The projections' event handler beans, by the processing group they belong to (as Axon assigns them). */
    private Map<String, List<Object>> handlersByGroup() {
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        Projections.PROCESSING_GROUPS.forEach(group -> groups.put(group, new ArrayList<>()));
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class);
            if (group != null && groups.containsKey(group.value())) {
                groups.get(group.value()).add(bean);
            }
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    /**
     * The events administrators gave up in a projection (evicted from its dead-letter queue, recorded with their ids):
     * the replay leaves them out too, so the rebuilt projection is the live one, not the live one plus old failures.
     */
    private Set<String> givenUp(String group) {
        Set<String> ids = new HashSet<>();
        jdbc.query("select event_ids from audit.admin_action where action = 'evict' and projection = ? and event_ids is not null",
                rs -> {
                    ids.addAll(List.of(rs.getString(1).split(",")));
                }, group);
        return ids;
    }

    /** Every transaction of the replay resolves the handlers' table names in the rebuild's schema. */
    private TransactionManager inRebuildSchema() {
        return () -> {
            Transaction transaction = transactions.startTransaction();
            try {
                jdbc.execute("set local search_path to " + SCHEMA + ", public");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        };
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** One projection's replay: a processor with the live one's name, handlers and segments, on the new schema's tables. */
    private final class Replay {

        final PooledStreamingEventProcessor processor;
        final int segments;
        final ScheduledExecutorService coordinator;
        final ScheduledExecutorService workers;
        long caughtUpAfterMillis = -1;

        Replay(String group, List<Object> handlers, Set<String> givenUp) {
            TransactionManager tx = inRebuildSchema();
            this.segments = Math.max(1, liveTokens.fetchSegments(group).length);
            this.coordinator = Executors.newScheduledThreadPool(1, new AxonThreadFactory("Rebuild-coordinator[" + group + "]"));
            this.workers = Executors.newScheduledThreadPool(segments, new AxonThreadFactory("Rebuild[" + group + "]"));
            JdbcSequencedDeadLetterQueue<org.axonframework.eventhandling.EventMessage<?>> parked = JdbcSequencedDeadLetterQueue.builder()
                    .processingGroup(group)
                    .connectionProvider(connections)
                    .transactionManager(tx)
                    .schema(AxonConfig.deadLetters(SCHEMA))
                    .genericSerializer(serializer)
                    .eventSerializer(eventSerializer)
                    .build();
            DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                    .eventHandlers(handlers)
                    .handlerDefinition(axon.handlerDefinition(handlers.get(0).getClass()))
                    .parameterResolverFactory(axon.parameterResolverFactory())
                    .queue(parked)
                    .transactionManager(tx)
                    // the new schema's queue starts empty: no query per event to ask whether its record is parked
                    .enableSequenceIdentifierCache()
                    .build();
            this.processor = PooledStreamingEventProcessor.builder()
                    .name(group)
                    .eventHandlerInvoker(invoker)
                    .messageSource(events)
                    .tokenStore(AxonConfig.claimsIn(EventStoreSchema.tokens(SCHEMA), connections, serializer, nodeId))
                    .transactionManager(tx)
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers)
                    .initialSegmentCount(segments)
                    .batchSize(batchSize)
                    .tokenClaimInterval(500)
                    .build();
            if (!givenUp.isEmpty()) {
                processor.registerHandlerInterceptor((unitOfWork, chain) ->
                        givenUp.contains(unitOfWork.getMessage().getIdentifier()) ? null : chain.proceed());
            }
        }

        long position() {
            return processor.processingStatus().values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        }

        boolean caughtUp(long head) {
            var status = processor.processingStatus().values();
            return status.size() >= segments && status.stream().noneMatch(EventTrackerStatus::isErrorState)
                    && status.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
        }

        void stopQuietly() {
            try {
                processor.shutDown();
            } catch (RuntimeException e) {
                log.warn("could not stop the replay of {}", processor.getName(), e);
            }
        }

        void release() {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }
}
