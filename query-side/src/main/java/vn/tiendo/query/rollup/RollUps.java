package vn.tiendo.query.rollup;

import org.springframework.stereotype.Component;
import vn.tiendo.events.common.MeasureKind;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.indicator.RollUpRule;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.indicator.IndicatorView;
import vn.tiendo.query.rollup.RollUpView.Contribution;
import vn.tiendo.query.rollup.RollUpView.Source;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.StatusRules;
import vn.tiendo.query.web.AsOf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an indicator's figure from the indicators that implement it (the level below), as recorded at any moment:
 * nothing is stored, so a roll-up is never typed twice and always agrees with the reports it comes from. A
 * contributor counts with its own report for the period, else with its own roll-up (a ward's figure rolls into its
 * city's, the city's into the province's). Figures are combined only for the same period code ("2025-12" with
 * "2025-12"), from the indicators linked for that period: a link (and an unlink) may take effect from a date, so a
 * period before a reorganisation rolls up as the levels were then.
 */
@Component
public class RollUps {

    /** Deep enough for province → city → ward and a few more; a circle (which the command side refuses) stops here too. */
    private static final int MAX_DEPTH = 8;

    private final IndicatorQueries indicators;
    private final AsOf asOf;

    public RollUps(IndicatorQueries indicators, AsOf asOf) {
        this.indicators = indicators;
        this.asOf = asOf;
    }

    /**
     * The roll-up of {@code indicatorId} for {@code period} (null: the latest period anyone below reported or it
     * reported itself) as recorded at {@code at}; contributors outside {@code scope} count but are not listed. An
     * indicator without a rule answers with {@code rule} null and nothing rolled up.
     */
    public RollUpView of(String indicatorId, Period period, Scope scope, AsOf.Moment at) {
        IndicatorView.Status top = indicators.get(indicatorId, null, at);
        // each indicator's series read once for the whole roll-up, whether for the default period or for a report
        Map<String, List<IndicatorView.SeriesPoint>> series = new HashMap<>();
        Period asked = top.rollUpRule() == null ? null : period != null ? period : latestPeriod(indicatorId, at, series, new HashSet<>(), 0)
                .orElse(top.period() == null ? null : Period.parse(top.period()));
        if (asked == null) {
            // not rolled up (no rule), or nothing reported at any level yet
            return new RollUpView(top.indicatorId(), top.planId(), top.code(), top.name(), top.leadAgencyId(), top.leadAgencyName(),
                    top.rollUpRule(), top.rollUpWeightLabel(), period == null ? null : period.code(), null, null, false, 0, 0, false,
                    List.of(), 0);
        }
        return node(indicators.get(indicatorId, asked, at), asked, scope, at, series, new HashSet<>(Set.of(indicatorId)), 0);
    }

    private RollUpView node(IndicatorView.Status indicator, Period period, Scope scope, AsOf.Moment at,
                            Map<String, List<IndicatorView.SeriesPoint>> series, Set<String> seen, int depth) {
        LocalDate today = asOf.today(at);
        List<Contribution> all = new ArrayList<>();
        List<Contribution> visible = new ArrayList<>();
        for (IndicatorQueries.Implementer implementer : indicators.implementedBy(indicator.indicatorId(), period, at)) {
            String childId = implementer.indicatorId();
            if (!seen.add(childId)) {
                continue;
            }
            IndicatorView.Status child = indicators.get(childId, period, at);
            RollUpView below = child.rollUpRule() != null && depth < MAX_DEPTH ? node(child, period, scope, at, series, seen, depth + 1) : null;
            MeasuredValue figure = child.value() != null ? child.value() : below == null ? null : below.rolledUp();
            Source source = child.value() != null ? Source.REPORTED : figure != null ? Source.ROLLED_UP : Source.MISSING;
            IndicatorStatus status = figure == null ? IndicatorStatus.NO_DATA
                    : StatusRules.assess(child.measure(), child.baseline(), child.targets(), child.planStart(), period, figure, today).status();
            Boolean achieved = figure == null ? null : StatusRules.targetInForce(child.targets(), period)
                    .flatMap(target -> StatusRules.meets(child.measure(), figure, target)).orElse(null);
            Optional<IndicatorView.SeriesPoint> report = source == Source.REPORTED
                    ? seriesOf(childId, at, series).stream().filter(p -> p.period().equals(period.code())).findFirst()
                    : Optional.empty();
            Contribution contribution = new Contribution(child.indicatorId(), child.planId(), child.code(), child.name(), child.leadAgencyId(),
                    child.leadAgencyName(), implementer.weight(), figure, source, achieved, status, status.label(),
                    report.map(IndicatorView.SeriesPoint::reportId).orElse(null),
                    report.map(IndicatorView.SeriesPoint::reportedAt).orElse(null),
                    report.map(IndicatorView.SeriesPoint::reportedBy).orElse(null),
                    report.map(IndicatorView.SeriesPoint::approved).orElse(null),
                    report.map(p -> p.evidence() == null ? 0 : p.evidence().size()).orElse(0), below);
            all.add(contribution);
            // seen as any indicator is: by its lead or its monitoring agency
            if (child.seenBy(scope)) {
                visible.add(contribution);
            }
        }
        MeasuredValue rolledUp = combine(indicator.rollUpRule(), indicator.measure().kind(), all);
        int withFigure = (int) all.stream().filter(c -> c.figure() != null).count();
        boolean weightsMissing = indicator.rollUpRule() == RollUpRule.WEIGHTED_AVERAGE && all.stream().anyMatch(c -> c.weight() == null);
        return new RollUpView(indicator.indicatorId(), indicator.planId(), indicator.code(), indicator.name(), indicator.leadAgencyId(),
                indicator.leadAgencyName(), indicator.rollUpRule(), indicator.rollUpWeightLabel(), period.code(), rolledUp,
                indicator.value(), differ(indicator.value(), rolledUp), all.size(), withFigure,
                !all.isEmpty() && withFigure == all.size() && !weightsMissing, visible, all.size() - visible.size());
    }

    /**
     * The rule applied to the contributors' figures. Sums, weighted averages and minimums take the figures there are
     * (a contributor without one, or without a weight for a weighted average, is left out and the roll-up is not
     * complete); all-achieved and the share achieving count a contributor without a figure as not achieved.
     */
    static MeasuredValue combine(RollUpRule rule, MeasureKind kind, List<Contribution> contributions) {
        if (contributions.isEmpty()) {
            return null;
        }
        switch (rule) {
            case ALL_ACHIEVED -> {
                return new MeasuredValue.PassFail(contributions.stream().allMatch(c -> Boolean.TRUE.equals(c.achieved())));
            }
            case SHARE_ACHIEVING -> {
                long achieved = contributions.stream().filter(c -> Boolean.TRUE.equals(c.achieved())).count();
                return new MeasuredValue.Percent(BigDecimal.valueOf(achieved * 100).divide(BigDecimal.valueOf(contributions.size()), 1,
                        RoundingMode.HALF_UP).stripTrailingZeros());
            }
            default -> {
                List<Contribution> counted = contributions.stream()
                        .filter(c -> c.figure() != null && c.figure().asNumber().isPresent())
                        .filter(c -> rule != RollUpRule.WEIGHTED_AVERAGE || c.weight() != null)
                        .toList();
                if (counted.isEmpty()) {
                    return null;
                }
                BigDecimal number = switch (rule) {
                    case SUM -> counted.stream().map(Contribution::figure).map(f -> f.asNumber().orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add);
                    case MINIMUM -> counted.stream().map(Contribution::figure).map(f -> f.asNumber().orElseThrow()).min(Comparator.naturalOrder()).orElseThrow();
                    default -> counted.stream().map(c -> c.figure().asNumber().orElseThrow().multiply(c.weight())).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(counted.stream().map(Contribution::weight).reduce(BigDecimal.ZERO, BigDecimal::add), 2, RoundingMode.HALF_UP);
                };
                return of(kind, number.stripTrailingZeros());
            }
        }
    }

    private static MeasuredValue of(MeasureKind kind, BigDecimal number) {
        BigDecimal plain = number.scale() < 0 ? number.setScale(0) : number;
        return switch (kind) {
            case COUNT -> new MeasuredValue.Count(plain);
            case SCORE -> new MeasuredValue.Score(plain);
            case MONEY -> new MeasuredValue.Money(plain);
            default -> new MeasuredValue.Percent(plain);
        };
    }

    /** A reported figure that differs from the rolled-up one by more than rounding (0.01). */
    static boolean differ(MeasuredValue reported, MeasuredValue rolledUp) {
        if (reported == null || rolledUp == null) {
            return false;
        }
        Optional<BigDecimal> a = reported.asNumber();
        Optional<BigDecimal> b = rolledUp.asNumber();
        if (a.isEmpty() || b.isEmpty()) {
            return !Objects.equals(reported, rolledUp);
        }
        return a.get().subtract(b.get()).abs().compareTo(new BigDecimal("0.01")) > 0;
    }

    /** The latest period (by its end) that the indicator or anyone below it reported, as recorded at the moment. */
    private Optional<Period> latestPeriod(String indicatorId, AsOf.Moment at, Map<String, List<IndicatorView.SeriesPoint>> series,
                                          Set<String> seen, int depth) {
        Optional<Period> latest = seriesOf(indicatorId, at, series).stream().map(p -> Period.parse(p.period()))
                .max(Comparator.comparing(Period::end));
        if (depth >= MAX_DEPTH) {
            return latest;
        }
        for (IndicatorQueries.Implementer implementer : indicators.implementedBy(indicatorId, null, at)) {
            String childId = implementer.indicatorId();
            if (seen.add(childId)) {
                Optional<Period> below = latestPeriod(childId, at, series, seen, depth + 1);
                if (below.isPresent() && (latest.isEmpty() || below.get().end().isAfter(latest.get().end()))) {
                    latest = below;
                }
            }
        }
        return latest;
    }

    private List<IndicatorView.SeriesPoint> seriesOf(String indicatorId, AsOf.Moment at, Map<String, List<IndicatorView.SeriesPoint>> series) {
        return series.computeIfAbsent(indicatorId, id -> indicators.series(id, at));
    }
}
