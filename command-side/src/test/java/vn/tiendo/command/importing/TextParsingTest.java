package vn.tiendo.command.importing;

import org.junit.jupiter.api.Test;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.TaskDeadline;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Targets and deadlines exactly as the plans write them. */
class TextParsingTest {

    @Test
    void targets() {
        assertThat(TargetText.parse("≥ 60%", MeasureKind.PERCENT)).contains(new TargetText.Parsed(Comparator.GE, new MeasuredValue.Percent(new BigDecimal("60"))));
        assertThat(TargetText.parse("Trên 90%", MeasureKind.PERCENT)).contains(new TargetText.Parsed(Comparator.GT, new MeasuredValue.Percent(new BigDecimal("90"))));
        assertThat(TargetText.parse("Đạt: Trên 0.5", MeasureKind.PERCENT).orElseThrow().comparator()).isEqualTo(Comparator.GT);
        assertThat(TargetText.parse("Chưa đạt: 96,4%", MeasureKind.PERCENT).orElseThrow().value()).isEqualTo(new MeasuredValue.Percent(new BigDecimal("96.4")));
        assertThat(TargetText.parse("Đạt: 7/7", MeasureKind.RATIO).orElseThrow().value())
                .isEqualTo(new MeasuredValue.Ratio(new BigDecimal("7"), new BigDecimal("7")));
        assertThat(TargetText.parse("Đạt: Mức B", MeasureKind.LEVEL).orElseThrow().value()).isEqualTo(new MeasuredValue.Level("B"));
        assertThat(TargetText.parse("Đạt", MeasureKind.PASS_FAIL).orElseThrow().value()).isEqualTo(new MeasuredValue.PassFail(true));
        assertThat(TargetText.parse("Chưa Đạt", MeasureKind.PASS_FAIL).orElseThrow().value()).isEqualTo(new MeasuredValue.PassFail(false));
        assertThat(TargetText.parse("Mỗi cơ quan, đơn vị, địa phương có ít nhất cán bộ chuyên trách", MeasureKind.PERCENT)).isEmpty();
    }

    @Test
    void deadlines() {
        assertThat(DeadlineText.parse("Trước ngày 10/12/2025", 2025).dueDate()).isEqualTo(LocalDate.of(2025, 12, 10));
        assertThat(DeadlineText.parse("30/9/2026", 2025).dueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(DeadlineText.parse("Tháng 3/2026", 2025).dueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(DeadlineText.parse("Quý II/2026", 2025).dueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(DeadlineText.parse("Năm 2026", 2025).dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(DeadlineText.parse("Tháng 12 (theo hướng dẫn của Trung ương)", 2025).dueDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(DeadlineText.parse("Thường xuyên (Theo hướng dẫn của Bộ KH&CN)", 2025).recurrence()).isEqualTo(TaskDeadline.Recurrence.ONGOING);
        assertThat(DeadlineText.parse("Hằng năm", 2025).recurrence()).isEqualTo(TaskDeadline.Recurrence.YEARLY);
        TaskDeadline directed = DeadlineText.parse("Khi có hướng dẫn của TW", 2025);
        assertThat(directed.recurrence()).isEqualTo(TaskDeadline.Recurrence.AS_DIRECTED);
        assertThat(directed.asWritten()).isEqualTo("Khi có hướng dẫn của TW");
    }
}
