package vn.tiendo.events.common;

import java.util.Arrays;
import java.util.List;

/**
 * One field an event changes in its record: {@code target[2030]} from "100%" to "≥ 95%". {@code before} is null when
 * the event does not carry it; the audit reader then takes the value the record had so far.
 */
public record FieldChange(String field, Object before, Object after) {

    /** The event knows both sides (a revision, a correction, a reassignment). */
    public static FieldChange of(String field, Object before, Object after) {
        return new FieldChange(field, before, after);
    }

    /** The event sets the field; what it was comes from the record's earlier events. */
    public static FieldChange set(String field, Object after) {
        return new FieldChange(field, null, after);
    }

    /** The changes whose new value is present: a registration lists the fields it sets. */
    public static List<FieldChange> present(FieldChange... changes) {
        return Arrays.stream(changes).filter(c -> c.after() != null).toList();
    }

    /** A per-period field, such as {@code value[2025-12]}. */
    public static String perPeriod(String field, Period period) {
        return field + "[" + period.code() + "]";
    }
}
