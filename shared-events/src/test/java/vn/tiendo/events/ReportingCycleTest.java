package vn.tiendo.events;

import org.junit.jupiter.api.Test;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.plan.ReportingCycle;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due days the 2026 provincial plan (001) writes: "hàng tháng trước ngày 20 hàng tháng, hàng quý trước ngày 15
 * tháng cuối quý, hàng năm trước ngày 20/11", and a month's figure by the 20th of the next month.
 */
class ReportingCycleTest {

    @Test
    void dueDaysAsThePlansWriteThem() {
        assertThat(ReportingCycle.dueDate(Period.parse("2026-03"), 20, 0)).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(ReportingCycle.dueDate(Period.parse("2026-Q2"), 15, 0)).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(ReportingCycle.dueDate(Period.parse("2026"), 20, -1)).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(ReportingCycle.dueDate(Period.parse("2026-01"), 20, 1)).isEqualTo(LocalDate.of(2026, 2, 20));
        // the 31st in a shorter month is its last day
        assertThat(ReportingCycle.dueDate(Period.parse("2026-02"), 31, 0)).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void eachCycleHasItsPeriods() {
        LocalDate from = LocalDate.of(2025, 11, 1);
        LocalDate to = LocalDate.of(2026, 6, 30);
        assertThat(ReportingCycle.MONTHLY.periods(from, to)).extracting(Period::code)
                .containsExactly("2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        assertThat(ReportingCycle.QUARTERLY.periods(from, to)).extracting(Period::code).containsExactly("2025-Q4", "2026-Q1", "2026-Q2");
        assertThat(ReportingCycle.YEARLY.periods(from, to)).extracting(Period::code).containsExactly("2025");
        assertThat(ReportingCycle.QUARTERLY.fits(Period.parse("2026-Q1"))).isTrue();
        assertThat(ReportingCycle.QUARTERLY.fits(Period.parse("2026-03"))).isFalse();
    }
}
