package vn.tiendo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.query.web.NotFound;
import vn.tiendo.query.web.Page;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Fields that say why or with what, not what changed; shown beside the changes. */
    private static final Set<String> CONTEXT = Set.of("reason", "note", "evidence", "decisionReference", "period", "reportId", "effectiveDate");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public AuditQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
        Page.of(List.of(), page, size); // checks page and size
        long total = jdbc.queryForObject("select count(*) from projection.audit_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<LogEntry> items = jdbc.query("select * from projection.audit_log" + where + " order by global_index desc limit ? offset ?",
                (rs, i) -> new LogEntry(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("aggregate_id"),
                        rs.getString("aggregate_type"), rs.getLong("sequence_number"), rs.getString("event_type"), rs.getString("actor"),
                        rs.getString("on_behalf_of"), rs.getString("reason"), rs.getString("period"), rs.getString("request_id"),
                        rs.getString("import_file"), rs.getObject("recorded_at", OffsetDateTime.class)), pageArgs.toArray());
        return new Page<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Every event of one plan, agency, indicator or task, in order, read from the event store itself. */
    public List<HistoryEntry> history(String aggregateId) {
        ObjectNode state = json.createObjectNode();
        List<HistoryEntry> entries = new ArrayList<>();
        jdbc.query("select global_index, event_identifier, sequence_number, time_stamp, payload_type, payload, meta_data "
                + "from event_store.domain_event_entry where aggregate_identifier = ? order by sequence_number", rs -> {
            JsonNode payload = read(rs.getBytes("payload"));
            JsonNode meta = read(rs.getBytes("meta_data"));
            String type = rs.getString("payload_type");
            String eventType = type.substring(type.lastIndexOf('.') + 1);
            String reason = meta.hasNonNull(MetadataKeys.REASON) ? meta.get(MetadataKeys.REASON).asText()
                    : payload.hasNonNull("reason") ? payload.get("reason").asText() : null;
            entries.add(new HistoryEntry(rs.getLong("sequence_number"), rs.getLong("global_index"), rs.getString("event_identifier"),
                    eventType, rs.getString("time_stamp"), text(meta, MetadataKeys.ACTOR), text(meta, MetadataKeys.ON_BEHALF_OF), reason,
                    text(payload, "period"), payload.get("evidence"), changes(eventType, aggregateId, payload, state),
                    text(meta, MetadataKeys.REQUEST_ID), text(meta, MetadataKeys.IMPORT_FILE),
                    meta.hasNonNull(MetadataKeys.IMPORT_ROW) ? meta.get(MetadataKeys.IMPORT_ROW).asInt() : null, text(meta, MetadataKeys.HASH)));
        }, aggregateId);
        if (entries.isEmpty()) {
            throw new NotFound("record", aggregateId);
        }
        return entries;
    }

    /**
     * Field-level changes: an "old…/new…" pair is one field ({@code oldTarget}/{@code newTarget} → {@code target[2025]});
     * from/to agencies are the lead; any other field is compared with the record's state so far (values per period, as
     * {@code value[2025-12]}). Completion and cancellation change the status.
     */
    static List<Change> changes(String eventType, String aggregateId, JsonNode payload, ObjectNode state) {
        List<Change> changes = new ArrayList<>();
        // a proposal changes nothing yet: show what it would change, and leave the state alone
        boolean proposal = eventType.endsWith("Proposed");
        String period = payload.hasNonNull("period") ? "[" + payload.get("period").asText() + "]" : "";
        Iterator<Map.Entry<String, JsonNode>> fields = payload.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = f.getKey();
            if (CONTEXT.contains(name) || aggregateId.equals(f.getValue().asText()) || name.startsWith("old")) {
                continue;
            }
            String field;
            JsonNode old;
            if (name.startsWith("new") && payload.has("old" + name.substring(3))) {
                field = Character.toLowerCase(name.charAt(3)) + name.substring(4) + ("target".equalsIgnoreCase(name.substring(3)) || "value".equalsIgnoreCase(name.substring(3)) ? period : "");
                old = payload.get("old" + name.substring(3));
            } else if (name.equals("toAgencyId")) {
                field = "leadAgencyId";
                old = payload.get("fromAgencyId");
            } else if (name.equals("fromAgencyId")) {
                continue;
            } else {
                field = name.equals("value") || name.equals("percentComplete") ? name + period : name;
                old = state.get(field);
            }
            JsonNode value = f.getValue();
            if (proposal) {
                if (name.startsWith("new")) {
                    changes.add(new Change("proposed " + field, old == null ? NullNode.getInstance() : old, value));
                }
                continue;
            }
            if (old == null || !old.equals(value)) {
                changes.add(new Change(field, old == null ? NullNode.getInstance() : old, value));
            }
            state.set(field, value);
        }
        if (eventType.equals("TaskCompleted") || eventType.equals("TaskCancelled")) {
            String status = eventType.equals("TaskCompleted") ? "COMPLETED" : "CANCELLED";
            changes.add(new Change("status", state.has("status") ? state.get("status") : NullNode.getInstance(),
                    state.textNode(status)));
            state.put("status", status);
        }
        return changes;
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? json.createObjectNode() : json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return json.createObjectNode().put("unreadable", true);
        }
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
