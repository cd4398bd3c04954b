package vn.tiendo.command.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The answers given to Idempotency-Keys, per user: a key is its sender's own, so two users who happen to send the
 * same key each get their own request done. Callers hold a transaction around claim, command and record.
 */
@Component
public class IdempotencyStore {

    public record StoredAnswer(String requestHash, int status, String body) {
    }

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this transaction. Returns the earlier answer if the key was used before. A concurrent
     * request with the same key waits on the row lock until the first one commits, then sees its answer.
     */
    public Optional<StoredAnswer> claim(String actor, String key, String requestHash) {
        int inserted = jdbc.update("insert into command_side.idempotency_key (actor, idempotency_key, request_hash, response_status, response_body) "
                + "values (?, ?, ?, 0, '') on conflict (actor, idempotency_key) do nothing", actor, key, requestHash);
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.query("select request_hash, response_status, response_body from command_side.idempotency_key "
                        + "where actor = ? and idempotency_key = ?",
                (rs, i) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3)), actor, key).stream().findFirst();
    }

    public void record(String actor, String key, int status, String body) {
        jdbc.update("update command_side.idempotency_key set response_status = ?, response_body = ? where actor = ? and idempotency_key = ?",
                status, body, actor, key);
    }
}
