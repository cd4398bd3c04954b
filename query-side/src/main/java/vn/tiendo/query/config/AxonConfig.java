package vn.tiendo.query.config;

import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.tiendo.platform.database.CreateDatabaseIfMissing;
import vn.tiendo.events.upcasting.EventUpcasters;
import vn.tiendo.shared.EventStoreSchema;

import java.time.Duration;

@Configuration
public class AxonConfig {

    @Bean
    public static CreateDatabaseIfMissing createDatabaseIfMissing() {
        return new CreateDatabaseIfMissing();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventStoreSchema.events();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return EventStoreSchema.tokens("projection");
    }

    /**
     * The processors' claims on their segments, in PostgreSQL. {@code tiendo.node-id} names this process in the claims
     * (default: Axon's, the JVM's name, pid@host): processes that could share one (containers, several in one JVM)
     * must each be given their own, or each would take the other's claims for its own.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 @Value("${tiendo.node-id:}") String nodeId) {
        return claimsIn(tokenSchema, connectionProvider, serializer, nodeId);
    }

    /** Claims in a token table (the live one, or a rebuild's), signed by this process's node id when one is given. */
    public static TokenStore claimsIn(TokenSchema tokenSchema, ConnectionProvider connectionProvider, Serializer serializer, String nodeId) {
        JdbcTokenStore.Builder tokens = JdbcTokenStore.builder().connectionProvider(connectionProvider).schema(tokenSchema)
                .serializer(serializer);
        if (!nodeId.isBlank()) {
            tokens.nodeId(nodeId);
        }
        return tokens.build();
    }

    /**
     * A projection that fails on an event never skips it silently: the failure propagates to the dead-letter queue
     * (enabled per processor in query-side.yml), which parks the event and every later event of the same record in
     * {@code projection.dead_letter_entry}, and the projection goes on with the other records. The admin API lists
     * what is parked and retries it.
     */
    @Bean
    public ConfigurerModule parkFailedEvents() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /** Stored events of an older revision are read in their current shape, by projections and auditors alike. */
    @Bean
    public ConfigurerModule eventUpcasters() {
        return configurer -> EventUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return deadLetters("projection");
    }

    /** The dead-letter table's layout in a schema (the live one, or a rebuild's). */
    public static DeadLetterSchema deadLetters(String schema) {
        return DeadLetterSchema.builder()
                .deadLetterTable(schema + ".dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * PostgreSQL mode: reads the command side's event store. Defined here (rather than by Axon's auto-configuration)
     * to poll every {@code tiendo.event-poll-interval} instead of every second, so a report shows within a second.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                                 EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                 @Value("${tiendo.event-poll-interval:PT0.1S}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(pollInterval.toMillis())
                .build();
    }
}
