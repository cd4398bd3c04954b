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
 * The administrators' actions on the projections, kept in {@code audit.admin_action} (add-only): a retry, an
 * eviction of parked events (with its reason and the events' ids), a rebuild. Events are facts and the query side
 * writes none, so its administrators' acts are recorded beside the other audit records.
 */
@Component
public class AdminActions {

    public record Action(long actionId, String action, String projection, String aggregateId, String eventIds, String detail,
                         String reason, String actor, OffsetDateTime actedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AdminActions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String action, String projection, String aggregateId, List<String> eventIds, String detail, String reason) {
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
