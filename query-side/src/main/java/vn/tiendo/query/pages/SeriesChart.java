package vn.tiendo.query.pages;

import vn.tiendo.events.common.Target;
import vn.tiendo.events.common.Period;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.indicator.IndicatorView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An indicator's value against its path and targets, drawn as SVG on the server: no script, nothing to download,
 * readable with five years of monthly points (one x step per reported period, labels every twelfth). The value line,
 * the expected path (dashed), the baseline (dotted), each target as a marker at its period, each target revision as a
 * vertical mark at the first period that ends after it was recorded, corrected values ringed.
 */
final class SeriesChart {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 280;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    private SeriesChart() {
    }

    /** The SVG markup, or null when nothing numeric was reported. */
    static String svg(IndicatorView.Status indicator, List<IndicatorView.SeriesPoint> series, List<IndicatorQueries.TargetRevision> revisions) {
        List<IndicatorView.SeriesPoint> points = series.stream().filter(p -> p.value() != null && p.value().asNumber().isPresent()).toList();
        if (points.isEmpty()) {
            return null;
        }
        double max = 0;
        for (IndicatorView.SeriesPoint p : points) {
            max = Math.max(max, p.value().asNumber().get().doubleValue());
            if (p.expectedOnPath() != null) {
                max = Math.max(max, p.expectedOnPath().doubleValue());
            }
        }
        for (Target t : indicator.targets()) {
            max = Math.max(max, t.value().asNumber().map(BigDecimal::doubleValue).orElse(0.0));
        }
        Double baseline = indicator.baseline() == null ? null : indicator.baseline().asNumber().map(BigDecimal::doubleValue).orElse(null);
        if (baseline != null) {
            max = Math.max(max, baseline);
        }
        double top = max <= 0 ? 1 : max * 1.1;
        int n = points.size();
        double step = n == 1 ? 0 : (WIDTH - LEFT - RIGHT) / (double) (n - 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(indicator.code())).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = y(value, top);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#e5e7eb", null));
            svg.append(text(LEFT - 6, y + 4, format(value), "end"));
        }
        List<String> path = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            IndicatorView.SeriesPoint p = points.get(i);
            double x = LEFT + step * i;
            path.add(format(x) + "," + format(y(p.value().asNumber().get().doubleValue(), top)));
            if (p.expectedOnPath() != null) {
                expected.add(format(x) + "," + format(y(p.expectedOnPath().doubleValue(), top)));
            }
            if (i % 12 == 0 || i == n - 1) {
                svg.append(text(x, HEIGHT - BOTTOM + 18, p.period(), "middle"));
            }
        }
        if (baseline != null) {
            double y = y(baseline, top);
            svg.append("<line class=\"baseline\" x1=\"").append(LEFT).append("\" y1=\"").append(format(y)).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(format(y))
                    .append("\" stroke=\"#6b7280\" stroke-dasharray=\"2 3\" stroke-width=\"1.5\"><title>")
                    .append(escape("Giá trị cơ sở / baseline: " + (indicator.baselineAsWritten() == null ? format(baseline) : indicator.baselineAsWritten())))
                    .append("</title></line>");
            svg.append(text(LEFT + 4, y - 4, "Cơ sở " + (indicator.baselineAsWritten() == null ? format(baseline) : indicator.baselineAsWritten()), "start"));
        }
        for (IndicatorQueries.TargetRevision revision : revisions) {
            double x = WIDTH - RIGHT;
            LocalDate day = revision.day();
            for (int i = 0; i < n; i++) {
                if (!Period.parse(points.get(i).period()).end().isBefore(day)) {
                    x = LEFT + step * i;
                    break;
                }
            }
            svg.append("<line class=\"revision\" x1=\"").append(format(x)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(format(x)).append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"#b45309\" stroke-dasharray=\"4 3\" stroke-width=\"2\"><title>")
                    .append(escape(day + ": mục tiêu " + revision.period() + " " + (revision.before() == null ? "—" : revision.before())
                            + " → " + revision.after() + " / target revised"))
                    .append("</title></line>");
        }
        if (expected.size() > 1) {
            svg.append("<polyline class=\"expected\" fill=\"none\" stroke=\"#9ca3af\" stroke-dasharray=\"6 4\" stroke-width=\"2\" points=\"")
                    .append(String.join(" ", expected)).append("\"/>");
        }
        svg.append("<polyline class=\"value\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2.5\" points=\"").append(String.join(" ", path)).append("\"/>");
        for (int i = 0; i < n; i++) {
            IndicatorView.SeriesPoint p = points.get(i);
            double x = LEFT + step * i;
            double y = y(p.value().asNumber().get().doubleValue(), top);
            svg.append("<circle cx=\"").append(format(x)).append("\" cy=\"").append(format(y)).append("\" r=\"3\" fill=\"#1d4ed8\"><title>")
                    .append(escape(p.period() + ": " + p.value().asNumber().get().stripTrailingZeros().toPlainString())).append("</title></circle>");
            if (p.corrected()) {
                svg.append("<circle class=\"corrected\" cx=\"").append(format(x)).append("\" cy=\"").append(format(y))
                        .append("\" r=\"7\" fill=\"none\" stroke=\"#b45309\" stroke-width=\"2\"><title>")
                        .append(escape(p.period() + ": đã điều chỉnh / corrected")).append("</title></circle>");
            }
        }
        for (Target t : indicator.targets()) {
            if (t.value().asNumber().isEmpty()) {
                continue;
            }
            double y = y(t.value().asNumber().get().doubleValue(), top);
            svg.append(line(WIDTH - RIGHT - 60, y, WIDTH - RIGHT, y, "#15803d", "target"));
            svg.append(text(WIDTH - RIGHT - 64, y + 4, t.period().code() + " " + t.asWritten(), "end"));
        }
        return svg.append("</svg>").toString();
    }

    private static double y(double value, double top) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String cssClass) {
        return "<line" + (cssClass == null ? "" : " class=\"" + cssClass + "\"") + " x1=\"" + format(x1) + "\" y1=\"" + format(y1)
                + "\" x2=\"" + format(x2) + "\" y2=\"" + format(y2) + "\" stroke=\"" + colour + "\" stroke-width=\"" + (cssClass == null ? 1 : 3) + "\"/>";
    }

    private static String text(double x, double y, String value, String anchor) {
        return "<text x=\"" + format(x) + "\" y=\"" + format(y) + "\" font-size=\"12\" fill=\"#374151\" text-anchor=\"" + anchor + "\">"
                + escape(value) + "</text>";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text from the record (codes, targets as written) is escaped: it is data, never markup. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
