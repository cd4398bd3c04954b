package vn.tiendo.query.web;

import vn.tiendo.events.common.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Parses query parameters whose errors must name the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static Period period(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Period.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadQuery(parameter, e.getMessage());
        }
    }

    /** An ISO instant, or a date meaning the end of that day in the platform's zone; null when absent. */
    public static Instant instant(String value, String parameter, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQuery(parameter, "must be a date (2026-11-20) or an instant (2026-11-20T10:00:00Z)");
        }
    }

    /** As {@link #instant}, but a date means the start of that day: for the lower end of a range. */
    public static Instant startInstant(String value, String parameter, ZoneId zone) {
        if (value != null && value.length() == 10) {
            try {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadQuery(parameter, "must be a date (2026-11-20) or an instant (2026-11-20T10:00:00Z)");
            }
        }
        return instant(value, parameter, zone);
    }
}
