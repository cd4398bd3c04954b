package vn.tiendo.query.web;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The two time axes of every query. {@code asOf} is recorded time: what the platform showed at that moment (events
 * recorded later, corrections included, are left out). {@code period} is business time: what is known now about a
 * month, corrections included. "Today", for statuses, is the as-of day (never later than the clock's today).
 */
@Component
public class AsOf {

    /** A moment to read the projections at; {@link #NOW} for their current state. */
    public record Moment(Instant instant) {
        public static final Moment NOW = new Moment(null);

        public boolean isNow() {
            return instant == null;
        }

        public OffsetDateTime utc() {
            return instant.atOffset(ZoneOffset.UTC);
        }

        /** The latest recording time a read at this moment includes: the moment, or (now) everything recorded. */
        public OffsetDateTime recordedBy() {
            return isNow() ? END_OF_TIME : utc();
        }

        private static final OffsetDateTime END_OF_TIME = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    private final Clock clock;

    public AsOf(Clock clock) {
        this.clock = clock;
    }

    /** Parses the {@code asOf} parameter: a date (end of that day in the platform's zone) or an ISO instant. */
    public Moment parse(String value) {
        Instant instant = QueryParams.instant(value, "asOf", clock.getZone());
        return instant == null ? Moment.NOW : new Moment(instant);
    }

    public LocalDate today(Moment at) {
        Instant now = clock.instant();
        Instant day = at.isNow() || at.instant().isAfter(now) ? now : at.instant();
        return LocalDate.ofInstant(day, clock.getZone());
    }

    public Instant now() {
        return clock.instant();
    }

    /** The province's zone, in which days begin and end. */
    public ZoneId zone() {
        return clock.getZone();
    }
}
