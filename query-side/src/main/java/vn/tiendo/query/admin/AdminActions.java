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
    private final ProjectionRebuild rebuilds;

    public AdminActions(JdbcTemplate jdbc, Clock clock, Projections projections, ProjectionRebuild rebuilds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.projections = projections;
        this.rebuilds = rebuilds;
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

    /**
     * Starts a rebuild into new tables (the live projections keep answering); recorded when it starts and again when
     * it has switched or failed.
     */
    public ProjectionRebuild.Progress rebuild() {
        String actor = PlatformUser.current().username();
        ProjectionRebuild.Progress started = rebuilds.start(actor, ended -> record("rebuild", null, null, List.of(),
                ended.stage() == ProjectionRebuild.Stage.DONE
                        ? "switched to the rebuilt projections: events up to " + ended.position() + " replayed at " + ended.eventsPerSecond()
                        + " events/s, projections paused " + ended.pausedMillis() + " ms for the switch"
                        : "rebuild failed (" + ended.failure() + "); the live projections were kept", null, actor));
        record("rebuild", null, null, List.of(), "rebuild started: every event replayed into new tables while the live ones answer",
                null, actor);
        return started;
    }

    private void record(String action, String projection, String aggregateId, List<String> eventIds, String detail, String reason) {
        record(action, projection, aggregateId, eventIds, detail, reason, PlatformUser.current().username());
    }

    private void record(String action, String projection, String aggregateId, List<String> eventIds, String detail, String reason,
                        String actor) {
        jdbc.update("insert into audit.admin_action (action, projection, aggregate_id, event_ids, detail, reason, actor, acted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", action, projection, aggregateId,
                eventIds == null || eventIds.isEmpty() ? null : String.join(",", eventIds), detail, reason, actor,
                clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    /** The latest first. */
    public List<Action> latest(int count) {
        return jdbc.query("select * from audit.admin_action order by action_id desc limit ?", (rs, i) -> new Action(rs.getLong("action_id"),
                rs.getString("action"), rs.getString("projection"), rs.getString("aggregate_id"), rs.getString("event_ids"),
                rs.getString("detail"), rs.getString("reason"), rs.getString("actor"), rs.getObject("acted_at", OffsetDateTime.class)), count);
    }
}
