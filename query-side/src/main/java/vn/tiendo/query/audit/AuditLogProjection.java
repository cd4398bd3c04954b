package vn.tiendo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.query.config.BatchedAppends;

import static vn.tiendo.query.config.Times.utc;

/**
 * Every event as one row of the auditors' log, filterable by actor, agency, type and time.
 * Its table names are unqualified on purpose: they resolve to schema {@code projection}, or while a rebuild replays
 * into new tables to the rebuild's schema ({@link vn.tiendo.query.admin.ProjectionRebuild}).
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
public class AuditLogProjection {

    public static final String PROCESSING_GROUP = "audit-log";

    private final JdbcTemplate jdbc;
    private final BatchedAppends appends;
    private final ObjectMapper json;

    public AuditLogProjection(JdbcTemplate jdbc, BatchedAppends appends, ObjectMapper json) {
        this.jdbc = jdbc;
        this.appends = appends;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            return;
        }
        MetaData meta = event.getMetaData();
        JsonNode body = json.valueToTree(payload);
        String reason = text(meta.get(MetadataKeys.REASON));
        if (reason == null && body.hasNonNull("reason")) {
            reason = body.get("reason").asText();
        }
        String packageName = payload.getClass().getPackageName();
        // the event's own index in the store: the token's position is the highest index the processor has seen, so an
        // event that fills a gap left by a transaction committing late comes with a later event's position (in Axon
        // Server mode the store table is empty and the tokens have no gaps: there the position is the event's own)
        // nothing reads the log while the batch runs: written with the batch's other rows when it commits
        appends.append("insert into audit_log (global_index, event_identifier, aggregate_id, aggregate_type, sequence_number, "
                        + "event_type, actor, on_behalf_of, reason, period, request_id, import_file, recorded_at) "
                        + "values (coalesce((select global_index from event_store.domain_event_entry where event_identifier = ?), ?), "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.getIdentifier(), token.position().orElseThrow(), event.getIdentifier(), domain.getAggregateIdentifier(),
                packageName.substring(packageName.lastIndexOf('.') + 1), domain.getSequenceNumber(), payload.getClass().getSimpleName(),
                text(meta.get(MetadataKeys.ACTOR)), text(meta.get(MetadataKeys.ON_BEHALF_OF)), reason,
                body.hasNonNull("period") ? body.get("period").asText() : null, text(meta.get(MetadataKeys.REQUEST_ID)),
                text(meta.get(MetadataKeys.IMPORT_FILE)), utc(event.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from audit_log");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
