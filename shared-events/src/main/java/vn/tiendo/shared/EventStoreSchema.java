package vn.tiendo.shared;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Where the events live in PostgreSQL: schema {@code event_store}, snake_case columns, {@code bytea} payloads.
 * The command side owns the tables (Flyway); the query side reads the same tables with the same schema.
 */
public final class EventStoreSchema {

    private EventStoreSchema() {
    }

    public static EventSchema events() {
        return EventSchema.builder()
                .eventTable("event_store.domain_event_entry")
                .snapshotTable("event_store.snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Tokens of the streaming processors, in the schema of the service that runs them. */
    public static TokenSchema tokens(String schema) {
        return TokenSchema.builder()
                .setTokenTable(schema + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
