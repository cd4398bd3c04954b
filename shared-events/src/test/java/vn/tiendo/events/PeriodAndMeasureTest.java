package vn.tiendo.events;

import org.junit.jupiter.api.Test;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodAndMeasureTest {

    @Test
    void periodsKnowTheirDays() {
        assertThat(Period.parse("2026-Q2").start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Period.parse("2026-Q2").end()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(Period.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.parse("2025").end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(Period.parse("2025-06").within(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(Period.parse("2026-01").within(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))).isFalse();
        assertThatThrownBy(() -> Period.parse("2025-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.parse("Quý II/2026")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparatorsReadThePlansSymbols() {
        assertThat(Comparator.fromSymbol("≥")).isEqualTo(Comparator.GE);
        assertThat(Comparator.fromSymbol(">=")).isEqualTo(Comparator.GE);
        assertThat(Comparator.fromSymbol(">")).isEqualTo(Comparator.GT);
        assertThat(Comparator.fromSymbol("≤")).isEqualTo(Comparator.LE);
        assertThat(Comparator.GT.holds(0)).isFalse();
        assertThat(Comparator.GE.holds(0)).isTrue();
    }

    @Test
    void valuesMustFitTheirMeasure() {
        assertThat(Measure.of(MeasureKind.PERCENT).violationOf(new MeasuredValue.Percent(new BigDecimal("100")))).isEmpty();
        assertThat(Measure.of(MeasureKind.PERCENT).violationOf(new MeasuredValue.Percent(new BigDecimal("-0.1")))).isPresent();
        assertThat(Measure.of(MeasureKind.MONEY).violationOf(new MeasuredValue.Money(new BigDecimal("-1")))).isPresent();
        assertThat(Measure.of(MeasureKind.SCORE).violationOf(new MeasuredValue.Score(new BigDecimal("0.7")))).isEmpty();
        assertThat(Measure.of(MeasureKind.RATIO).violationOf(new MeasuredValue.Ratio(BigDecimal.ONE, BigDecimal.ZERO))).isPresent();
        assertThat(Measure.of(MeasureKind.TEXT).violationOf(new MeasuredValue.Text(" "))).isPresent();
        assertThat(new Measure(MeasureKind.LEVEL, List.of("D", "C", "B", "A")).rankOf("B")).isEqualTo(2);
    }
}
