package vn.tiendo.query.rollup;

import org.junit.jupiter.api.Test;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.query.rollup.RollUpView.Contribution;
import vn.tiendo.query.rollup.RollUpView.Source;
import vn.tiendo.query.status.IndicatorStatus;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each roll-up rule over the same three wards: 72% (weight 2), 65% (weight 1), and one that has not reported. */
class RollUpRulesTest {

    private static final List<Contribution> WARDS = List.of(
            ward("72", "2", true), ward("65", "1", false), new Contribution("c", null, null, null, "phuong-c", null, new BigDecimal("1"),
                    null, Source.MISSING, null, IndicatorStatus.NO_DATA, null, null, null, null, null, 0, null));

    @Test
    void sumsAndMinimumsTakeTheFiguresThereAre() {
        assertThat(RollUps.combine(RollUpRule.SUM, MeasureKind.COUNT, WARDS)).isEqualTo(new MeasuredValue.Count(new BigDecimal("137")));
        assertThat(RollUps.combine(RollUpRule.MINIMUM, MeasureKind.PERCENT, WARDS)).isEqualTo(new MeasuredValue.Percent(new BigDecimal("65")));
    }

    @Test
    void aWeightedAverageWeighsEachFigure() {
        // (72 × 2 + 65 × 1) / 3 = 69.67
        assertThat(RollUps.combine(RollUpRule.WEIGHTED_AVERAGE, MeasureKind.PERCENT, WARDS))
                .isEqualTo(new MeasuredValue.Percent(new BigDecimal("69.67")));
        // a contributor without a weight is left out
        List<Contribution> unweighted = List.of(ward("72", null, true), ward("60", "1", false));
        assertThat(RollUps.combine(RollUpRule.WEIGHTED_AVERAGE, MeasureKind.PERCENT, unweighted))
                .isEqualTo(new MeasuredValue.Percent(new BigDecimal("60")));
    }

    @Test
    void aContributorWithoutAFigureHasNotAchieved() {
        assertThat(RollUps.combine(RollUpRule.ALL_ACHIEVED, MeasureKind.PASS_FAIL, WARDS)).isEqualTo(new MeasuredValue.PassFail(false));
        assertThat(RollUps.combine(RollUpRule.ALL_ACHIEVED, MeasureKind.PASS_FAIL, List.of(ward("72", null, true))))
                .isEqualTo(new MeasuredValue.PassFail(true));
        // one of three achieved its own target
        assertThat(RollUps.combine(RollUpRule.SHARE_ACHIEVING, MeasureKind.PERCENT, WARDS))
                .isEqualTo(new MeasuredValue.Percent(new BigDecimal("33.3")));
        assertThat(RollUps.combine(RollUpRule.SUM, MeasureKind.COUNT, List.of())).isNull();
    }

    @Test
    void aReportedFigureDisagreesBeyondRounding() {
        MeasuredValue rolledUp = new MeasuredValue.Percent(new BigDecimal("69.67"));
        assertThat(RollUps.differ(new MeasuredValue.Percent(new BigDecimal("69.67")), rolledUp)).isFalse();
        assertThat(RollUps.differ(new MeasuredValue.Percent(new BigDecimal("74")), rolledUp)).isTrue();
        assertThat(RollUps.differ(null, rolledUp)).isFalse();
    }

    private static Contribution ward(String percent, String weight, boolean achieved) {
        return new Contribution("w" + percent, null, null, null, "phuong-" + percent, null, weight == null ? null : new BigDecimal(weight),
                new MeasuredValue.Percent(new BigDecimal(percent)), Source.REPORTED, achieved, IndicatorStatus.ON_TRACK, null, null, null,
                null, null, 0, null);
    }
}
