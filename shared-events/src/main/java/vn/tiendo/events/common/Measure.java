package vn.tiendo.events.common;

import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;

/**
 * How one indicator is measured: its kind and, for {@link MeasureKind#LEVEL}, the levels ordered
 * from lowest to highest (e.g. ["D", "C", "B", "A"]).
 */
public record Measure(MeasureKind kind,
                      @Size(max = TextRules.MAX_ITEMS) List<@Size(max = TextRules.MAX_ID) String> levels) {

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
        Optional<String> unstorable = numbersIn(value).stream().map(Measure::boundsViolation).flatMap(Optional::stream).findFirst();
        if (unstorable.isPresent()) {
            return unstorable;
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

    /** The most digits a figure may have before and after the decimal point (VND amounts reach 10^15). */
    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_DECIMALS = 6;

    /**
     * Figures are bounded so that every one can be stored, compared and printed: {@code 1E-999999999} is a valid
     * BigDecimal that PostgreSQL's numeric cannot hold and that would take a gigabyte to print.
     */
    static Optional<String> boundsViolation(BigDecimal number) {
        if (number == null) {
            return Optional.empty();
        }
        BigDecimal n = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        int decimals = Math.max(n.scale(), 0);
        long integerDigits = (long) n.precision() - n.scale();
        if (decimals > MAX_DECIMALS || integerDigits > MAX_INTEGER_DIGITS) {
            return Optional.of("a figure may have at most " + MAX_INTEGER_DIGITS + " digits before and " + MAX_DECIMALS
                    + " after the decimal point");
        }
        return Optional.empty();
    }

    private static List<BigDecimal> numbersIn(MeasuredValue value) {
        List<BigDecimal> numbers = new ArrayList<>(2);
        if (value instanceof MeasuredValue.Percent p) {
            numbers.add(p.value());
        } else if (value instanceof MeasuredValue.Count c) {
            numbers.add(c.value());
        } else if (value instanceof MeasuredValue.Score s) {
            numbers.add(s.value());
        } else if (value instanceof MeasuredValue.Money m) {
            numbers.add(m.amount());
        } else if (value instanceof MeasuredValue.Ratio r) {
            numbers.add(r.numerator());
            numbers.add(r.denominator());
        }
        return numbers;
    }

    /** Rank of a level, lowest = 0; -1 when unknown. */
    public int rankOf(String level) {
        return levels.indexOf(level);
    }
}
