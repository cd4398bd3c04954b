package vn.tiendo.events.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * How one indicator is measured: its kind and, for {@link MeasureKind#LEVEL}, the levels ordered
 * from lowest to highest (e.g. ["D", "C", "B", "A"]).
 */
public record Measure(MeasureKind kind, List<String> levels) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Measure {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public static Measure of(MeasureKind kind) {
        return new Measure(kind, List.of());
    }

    /**
     * Checks that a value fits this measure. Returns the reason it does not, or empty when it fits.
     */
    public Optional<String> violationOf(MeasuredValue value) {
        if (value == null) {
            return Optional.of("a value is required");
        }
        if (value.kind() != kind) {
            return Optional.of("this indicator is measured as " + kind + ", not " + value.kind());
        }
        if (value instanceof MeasuredValue.Percent p) {
            return p.value() == null || p.value().signum() < 0 || p.value().compareTo(HUNDRED) > 0
                    ? Optional.of("a percentage must be between 0 and 100") : Optional.empty();
        }
        if (value instanceof MeasuredValue.Count c) {
            return c.value() == null || c.value().signum() < 0 || c.value().stripTrailingZeros().scale() > 0
                    ? Optional.of("a count must be a whole number, 0 or more") : Optional.empty();
        }
        if (value instanceof MeasuredValue.Score sc) {
            return sc.value() == null || sc.value().signum() < 0
                    ? Optional.of("a score must be 0 or more") : Optional.empty();
        }
        if (value instanceof MeasuredValue.Money m) {
            return m.amount() == null || m.amount().signum() < 0
                    ? Optional.of("an amount of money must be 0 or more") : Optional.empty();
        }
        if (value instanceof MeasuredValue.PassFail pf) {
            return pf.passed() == null
                    ? Optional.of("passed must be true (Đạt) or false (Chưa đạt)") : Optional.empty();
        }
        if (value instanceof MeasuredValue.Ratio r) {
            return ratioViolation(r);
        }
        if (value instanceof MeasuredValue.Level l) {
            return l.level() == null || !levels.contains(l.level())
                    ? Optional.of("level must be one of " + levels) : Optional.empty();
        }
        MeasuredValue.Text t = (MeasuredValue.Text) value;
        return t.text() == null || t.text().isBlank() ? Optional.of("text must not be blank") : Optional.empty();
    }

    private static Optional<String> ratioViolation(MeasuredValue.Ratio r) {
        if (r.numerator() == null || r.denominator() == null) {
            return Optional.of("a ratio needs numerator and denominator");
        }
        if (r.numerator().signum() < 0 || r.denominator().signum() <= 0) {
            return Optional.of("a ratio needs numerator ≥ 0 and denominator > 0");
        }
        if (r.numerator().compareTo(r.denominator()) > 0) {
            return Optional.of("a ratio's numerator must not exceed its denominator");
        }
        return Optional.empty();
    }

    /** Rank of a level, lowest = 0; -1 when unknown. */
    public int rankOf(String level) {
        return levels.indexOf(level);
    }
}
