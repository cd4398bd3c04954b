package vn.tiendo.query.pages;

import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.query.rollup.RollUpView;

import java.util.ArrayList;
import java.util.List;

/** A roll-up as the indicator page lists it: every contributor at every level below, each under the one it counts in. */
record RollUpRows(int depth, RollUpView.Contribution contribution, String figure, String rolledUp, boolean mismatch) {

    static List<RollUpRows> of(RollUpView rollUp) {
        List<RollUpRows> rows = new ArrayList<>();
        add(rollUp, 0, rows);
        return rows;
    }

    private static void add(RollUpView rollUp, int depth, List<RollUpRows> rows) {
        for (RollUpView.Contribution c : rollUp.contributions()) {
            RollUpView below = c.rollUp();
            rows.add(new RollUpRows(depth, c, shown(c.figure()), below == null ? null : shown(below.rolledUp()),
                    below != null && below.mismatch()));
            if (below != null) {
                add(below, depth + 1, rows);
            }
        }
    }

    /** A figure as people read it: the number, or Đạt / Chưa đạt, or — when there is none. */
    static String shown(MeasuredValue value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof MeasuredValue.PassFail passFail) {
            return Boolean.TRUE.equals(passFail.passed()) ? "Đạt" : "Chưa đạt";
        }
        return value.asNumber().map(n -> n.stripTrailingZeros().toPlainString()).orElse(value.toString());
    }
}
