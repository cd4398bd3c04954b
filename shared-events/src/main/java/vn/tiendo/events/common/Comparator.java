package vn.tiendo.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** How a value is compared with its target, as the plans write it: ≥ 60%, Trên 90%, 100%, ≤ 5 ngày. */
public enum Comparator {
    GE(">="), GT(">"), EQ("="), LE("<="), LT("<");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    @JsonCreator
    public static Comparator fromSymbol(String text) {
        String t = text == null ? "" : text.trim().replace('≥', '>').replace('≤', '<');
        String normalized = switch (t) {
            case ">" -> text.contains("≥") ? ">=" : ">";
            case "<" -> text.contains("≤") ? "<=" : "<";
            default -> t;
        };
        return Arrays.stream(values())
                .filter(c -> c.symbol.equals(normalized) || c.name().equalsIgnoreCase(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("comparator must be one of >=, >, =, <=, <: " + text));
    }

    /** Whether {@code comparison} (actual compared with target, as from compareTo) satisfies this comparator. */
    public boolean holds(int comparison) {
        return switch (this) {
            case GE -> comparison >= 0;
            case GT -> comparison > 0;
            case EQ -> comparison == 0;
            case LE -> comparison <= 0;
            case LT -> comparison < 0;
        };
    }

    /** True for comparators whose targets are ceilings (lower is better). */
    public boolean lowerIsBetter() {
        return this == LE || this == LT;
    }
}
