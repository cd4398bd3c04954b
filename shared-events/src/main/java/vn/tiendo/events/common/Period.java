package vn.tiendo.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business period an event speaks of: a year ({@code 2025}), a quarter ({@code 2025-Q2})
 * or a month ({@code 2025-06}). Plans set targets per year; agencies report per month.
 */
public final class Period implements Comparable<Period> {

    public enum Granularity { YEAR, QUARTER, MONTH }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    private final String code;
    private final Granularity granularity;
    private final LocalDate start;
    private final LocalDate end;

    private Period(String code, Granularity granularity, LocalDate start, LocalDate end) {
        this.code = code;
        this.granularity = granularity;
        this.start = start;
        this.end = end;
    }

    /** Parses {@code 2025}, {@code 2025-Q2} or {@code 2025-06}; anything else is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static Period parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException("period is required (2025, 2025-Q2 or 2025-06)");
        }
        String trimmed = code.trim();
        Matcher m;
        if ((m = YEAR.matcher(trimmed)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return new Period(trimmed, Granularity.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if ((m = QUARTER.matcher(trimmed)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(year, quarter * 3 - 2);
            return new Period(trimmed, Granularity.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        if ((m = MONTH.matcher(trimmed)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("period month must be 01-12: " + code);
            }
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
            return new Period(trimmed, Granularity.MONTH, ym.atDay(1), ym.atEndOfMonth());
        }
        throw new IllegalArgumentException("period must look like 2025, 2025-Q2 or 2025-06: " + code);
    }

    public static Period year(int year) {
        return parse(String.valueOf(year));
    }

    public static Period month(YearMonth month) {
        return parse(month.toString());
    }

    @JsonValue
    public String code() {
        return code;
    }

    public Granularity granularity() {
        return granularity;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    /** True when this period lies entirely within {@code [from, to]}. */
    public boolean within(LocalDate from, LocalDate to) {
        return !start.isBefore(from) && !end.isAfter(to);
    }

    @Override
    public int compareTo(Period other) {
        int byEnd = end.compareTo(other.end);
        return byEnd != 0 ? byEnd : other.start.compareTo(start);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period p && p.code.equals(code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
