package vn.tiendo.query.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.platform.security.PlatformUser;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The administrators' actions on the projections, done and recorded in one place for the API and the page: a retry
 * of the parked events, an eviction (with its reason and the events' ids), a rebuild. Kept in
 * {@code audit.admin_action} (add-only): events are facts and the query side writes none, so its administrators'
 * acts are recorded beside the other audit records.
 */
@Component
public class AdminActions {

    public record Action(long actionId, String action, String projection, String aggregateId, String eventIds, String detail,
                         String reason, String actor, OffsetDateTime actedAt) {
    }

    /** A retry's outcome: the sequences that applied now, and the events still parked. */
    public record Retried(int appliedSequences, int stillParked) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Projections projections;

    public AdminActions(JdbcTemplate jdbc, Clock clock, Projections projections) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.projections = projections;
    }

    public Retried retry() {
        int applied = projections.retryParked();
        int still = projections.parked().size();
        record("retry", null, null, List.of(), applied + " sequence(s) applied, " + still + " event(s) still parked", null);
        return new Retried(applied, still);
    }

    /** The ids of the events given up; none (and nothing recorded) when nothing of that record is parked there. */
    public List<String> evict(String projection, String aggregateId, String reason) {
        List<String> evicted = projections.evict(projection, aggregateId);
        if (!evicted.isEmpty()) {
            record("evict", projection, aggregateId, evicted, evicted.size() + " event(s) given up", reason);
        }
        return evicted;
    }

    public void rebuild() {
        projections.rebuild();
        record("rebuild", null, null, List.of(), "every projection emptied and replayed", null);
    }

    private void record(String action, String projection, String aggregateId, List<String> eventIds, String detail, String reason) {
        jdbc.update("insert into audit.admin_action (action, projection, aggregate_id, event_ids, detail, reason, actor, acted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", action, projection, aggregateId,
                eventIds == null || eventIds.isEmpty() ? null : String.join(",", eventIds), detail, reason, PlatformUser.current().username(),
                clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    /** The latest first. */
    public List<Action> latest(int count) {
        return jdbc.query("select * from audit.admin_action order by action_id desc limit ?", (rs, i) -> new Action(rs.getLong("action_id"),
                rs.getString("action"), rs.getString("projection"), rs.getString("aggregate_id"), rs.getString("event_ids"),
                rs.getString("detail"), rs.getString("reason"), rs.getString("actor"), rs.getObject("acted_at", OffsetDateTime.class)), count);
    }
}
