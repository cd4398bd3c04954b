package vn.tiendo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.query.web.NotFound;
import vn.tiendo.query.web.Page;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The auditors' questions: who changed what, when, why, on what evidence; for one record or across the platform. */
@Component
public class AuditQueries {

    public record LogEntry(long globalIndex, String eventIdentifier, String aggregateId, String aggregateType, long sequenceNumber,
                           String eventType, String actor, String onBehalfOf, String reason, String period, String requestId,
                           String importFile, OffsetDateTime recordedAt) {
    }

    public record Change(String field, JsonNode oldValue, JsonNode newValue) {
    }

    /** One event of a record's history, with what it changed, field by field. */
    public record HistoryEntry(long sequenceNumber, long globalIndex, String eventIdentifier, String eventType, String recordedAt,
                               String actor, String onBehalfOf, String reason, String period, JsonNode evidence, List<Change> changes,
                               String requestId, String importFile, Object importRow, String hash) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final StoredEvents storedEvents;

    public AuditQueries(JdbcTemplate jdbc, ObjectMapper json, StoredEvents storedEvents) {
        this.jdbc = jdbc;
        this.json = json;
        this.storedEvents = storedEvents;
    }

    public Page<LogEntry> log(String actor, String agencyId, String eventType, String aggregateId, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        filter(where, args, "actor", actor);
        filter(where, args, "on_behalf_of", agencyId);
        filter(where, args, "event_type", eventType);
        filter(where, args, "aggregate_id", aggregateId);
        if (from != null) {
            where.append(" and recorded_at >= ?");
            args.add(from.atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            where.append(" and recorded_at < ?");
            args.add(to.atOffset(ZoneOffset.UTC));
        }
        Page.Request request = new Page.Request(page, size);
        long total = jdbc.queryForObject("select count(*) from projection.audit_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(request.size());
        pageArgs.add(request.offset());
        List<LogEntry> items = jdbc.query("select * from projection.audit_log" + where + " order by global_index desc limit ? offset ?",
                (rs, i) -> new LogEntry(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("aggregate_id"),
                        rs.getString("aggregate_type"), rs.getLong("sequence_number"), rs.getString("event_type"), rs.getString("actor"),
                        rs.getString("on_behalf_of"), rs.getString("reason"), rs.getString("period"), rs.getString("request_id"),
                        rs.getString("import_file"), rs.getObject("recorded_at", OffsetDateTime.class)), pageArgs.toArray());
        return request.of(items, total);
    }

    /** Every event of one plan, agency, indicator or task, in order, read from the event store itself. */
    public List<HistoryEntry> history(String aggregateId) {
        Map<String, JsonNode> state = new HashMap<>();
        List<HistoryEntry> entries = new ArrayList<>();
        storedEvents.ofRecord(aggregateId, stored -> {
            DomainEventMessage<?> message = stored.message();
            // why, when and on what evidence: the context shown beside the changes
            JsonNode context = json.valueToTree(message.getPayload());
            String reason = stored.meta(MetadataKeys.REASON) != null ? stored.meta(MetadataKeys.REASON) : text(context, "reason");
            entries.add(new HistoryEntry(message.getSequenceNumber(), stored.globalIndex(), message.getIdentifier(), stored.eventType(),
                    stored.recordedAt(), stored.meta(MetadataKeys.ACTOR), stored.meta(MetadataKeys.ON_BEHALF_OF), reason,
                    text(context, "period"), context.get("evidence"), changes(stored.event(), state),
                    stored.meta(MetadataKeys.REQUEST_ID), stored.meta(MetadataKeys.IMPORT_FILE),
                    message.getMetaData().get(MetadataKeys.IMPORT_ROW), stored.meta(MetadataKeys.HASH)));
        });
        if (entries.isEmpty()) {
            throw new NotFound("record", aggregateId);
        }
        return entries;
    }

    /**
     * The changes an event declares ({@link RecordEvent#changes()}), old → new. Where the event does not carry the
     * old value, it is the value the record's earlier events gave the field ({@code state}, updated here).
     */
    private List<Change> changes(RecordEvent event, Map<String, JsonNode> state) {
        List<Change> changes = new ArrayList<>();
        for (FieldChange change : event.changes()) {
            JsonNode after = json.valueToTree(change.after());
            JsonNode before = change.before() != null ? json.valueToTree(change.before())
                    : state.getOrDefault(change.field(), NullNode.getInstance());
            if (!before.equals(after)) {
                changes.add(new Change(change.field(), before, after));
            }
            state.put(change.field(), after);
        }
        return changes;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static void filter(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }
}
