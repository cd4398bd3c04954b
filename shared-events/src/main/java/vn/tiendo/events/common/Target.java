package vn.tiendo.events.common;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * A target for one period: "≥ 60%" for 2025 is {@code (2025, GE, Percent 60, "≥ 60%")}.
 * {@code asWritten} keeps the plan's own words, which stay the reference.
 */
public record Target(Period period, Comparator comparator, @Valid MeasuredValue value,
                     @Size(max = TextRules.MAX_LABEL) String asWritten) {
}
