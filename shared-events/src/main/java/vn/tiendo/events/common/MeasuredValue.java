package vn.tiendo.events.common;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * A value of one {@link MeasureKind}: what an agency reports, a baseline or a target.
 * Serialized with its kind, e.g. {@code {"kind":"PERCENT","value":72.5}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MeasuredValue.Percent.class, name = "PERCENT"),
        @JsonSubTypes.Type(value = MeasuredValue.Count.class, name = "COUNT"),
        @JsonSubTypes.Type(value = MeasuredValue.Score.class, name = "SCORE"),
        @JsonSubTypes.Type(value = MeasuredValue.Money.class, name = "MONEY"),
        @JsonSubTypes.Type(value = MeasuredValue.PassFail.class, name = "PASS_FAIL"),
        @JsonSubTypes.Type(value = MeasuredValue.Ratio.class, name = "RATIO"),
        @JsonSubTypes.Type(value = MeasuredValue.Level.class, name = "LEVEL"),
        @JsonSubTypes.Type(value = MeasuredValue.Text.class, name = "TEXT")
})
public sealed interface MeasuredValue {

    MeasureKind kind();

    /** The value on a number line, where that makes sense (a ratio as its quotient, pass as 1); empty for levels and text. */
    Optional<BigDecimal> asNumber();

    record Percent(BigDecimal value) implements MeasuredValue {
        public MeasureKind kind() { return MeasureKind.PERCENT; }
        public Optional<BigDecimal> asNumber() { return Optional.ofNullable(value); }
    }

    record Count(BigDecimal value) implements MeasuredValue {
        public MeasureKind kind() { return MeasureKind.COUNT; }
        public Optional<BigDecimal> asNumber() { return Optional.ofNullable(value); }
    }

    record Score(BigDecimal value) implements MeasuredValue {
        public MeasureKind kind() { return MeasureKind.SCORE; }
        public Optional<BigDecimal> asNumber() { return Optional.ofNullable(value); }
    }

    record Money(BigDecimal amount) implements MeasuredValue {
        public MeasureKind kind() { return MeasureKind.MONEY; }
        public Optional<BigDecimal> asNumber() { return Optional.ofNullable(amount); }
    }

    record PassFail(Boolean passed) implements MeasuredValue {
        public MeasureKind kind() { return MeasureKind.PASS_FAIL; }
        public Optional<BigDecimal> asNumber() {
            return Optional.ofNullable(passed).map(p -> p ? BigDecimal.ONE : BigDecimal.ZERO);
        }
    }

    record Ratio(BigDecimal numerator, BigDecimal denominator) implements MeasuredValue {
        public MeasureKind kind() { return MeasureKind.RATIO; }
        public Optional<BigDecimal> asNumber() {
            if (numerator == null || denominator == null || denominator.signum() == 0) {
                return Optional.empty();
            }
            return Optional.of(numerator.divide(denominator, MathContext.DECIMAL64));
        }
    }

    record Level(@Size(max = TextRules.MAX_ID) String level) implements MeasuredValue {
        public MeasureKind kind() { return MeasureKind.LEVEL; }
        public Optional<BigDecimal> asNumber() { return Optional.empty(); }
    }

    record Text(@Size(max = TextRules.MAX_NOTE) String text) implements MeasuredValue {
        public MeasureKind kind() { return MeasureKind.TEXT; }
        public Optional<BigDecimal> asNumber() { return Optional.empty(); }
    }
}
