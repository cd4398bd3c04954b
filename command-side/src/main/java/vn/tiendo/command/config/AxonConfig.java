package vn.tiendo.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.tiendo.command.registry.RegistryProjection;
import vn.tiendo.command.reminder.NotificationOutbox;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.upcasting.EventUpcasters;
import vn.tiendo.shared.EventStoreSchema;

@Configuration
public class AxonConfig {

    @Bean
    public EventSchema eventSchema() {
        return EventStoreSchema.events();
    }

    /**
     * PostgreSQL names a duplicate key by SQL state 23505 (its vendor code is always 0, which Axon's default resolver
     * reads), so without this an id used twice or two writers racing on one record surfaced as a 500.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** Stored events of an older revision are read in their current shape (aggregates are sourced from them). */
    @Bean
    public ConfigurerModule eventUpcasters() {
        return configurer -> EventUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }

    /** Copies who, for whom, why and which request from each command onto the events it causes. */
    @Bean
    public CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.ACTOR, MetadataKeys.ON_BEHALF_OF, MetadataKeys.REASON,
                MetadataKeys.REQUEST_ID, MetadataKeys.IDEMPOTENCY_KEY, MetadataKeys.IMPORT_FILE, MetadataKeys.IMPORT_SHA256,
                MetadataKeys.IMPORT_ROW, MetadataKeys.DEMO);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * The registry is updated in the command's own transaction, and a failure there (a taken indicator code)
     * must fail the command rather than be logged and skipped.
     */
    @Bean
    public ConfigurerModule registryProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(RegistryProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(RegistryProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // notices are queued in the transaction of the event that decided them, or the event fails with them
                .registerSubscribingEventProcessor(NotificationOutbox.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(NotificationOutbox.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
