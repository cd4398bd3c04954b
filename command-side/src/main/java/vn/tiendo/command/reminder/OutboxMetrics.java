package vn.tiendo.command.reminder;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many notices wait in the outbox (not sent yet), and how old the oldest is: a sender that stopped shows here
 * before anyone misses a reminder.
 */
@Component
public class OutboxMetrics {

    public OutboxMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        Gauge.builder("tiendo.outbox.pending", () -> count(jdbc,
                        "select count(*) from command_side.notification_outbox where sent_at is null"))
                .description("notices in the outbox not sent yet").register(meters);
        Gauge.builder("tiendo.outbox.oldest.pending.seconds", () -> count(jdbc,
                        "select coalesce(extract(epoch from now() - min(created_at)), 0) from command_side.notification_outbox "
                                + "where sent_at is null"))
                .description("age of the oldest notice not sent yet").baseUnit("seconds").register(meters);
    }

    private static double count(JdbcTemplate jdbc, String sql) {
        try {
            Number value = jdbc.queryForObject(sql, Number.class);
            return value == null ? 0 : value.doubleValue();
        } catch (RuntimeException databaseAway) {
            return Double.NaN;
        }
    }
}
