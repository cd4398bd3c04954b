package vn.tiendo.query.emulation;

import org.springframework.stereotype.Component;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.emulation.CampaignTarget;
import vn.tiendo.events.emulation.Round;
import vn.tiendo.events.indicator.IndicatorCorrectionAccepted;
import vn.tiendo.events.indicator.IndicatorProgressCorrected;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.query.audit.AnomalyDetector;
import vn.tiendo.query.audit.StoredEvents;
import vn.tiendo.query.emulation.EmulationViews.AgencyScore;
import vn.tiendo.query.emulation.EmulationViews.CampaignView;
import vn.tiendo.query.emulation.EmulationViews.Point;
import vn.tiendo.query.emulation.EmulationViews.Ranking;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.indicator.IndicatorView;
import vn.tiendo.query.scorecard.ReportCalendar.Timeliness;
import vn.tiendo.query.scorecard.Scorecards;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.web.AsOf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A campaign round's scores and ranking, as of any moment (by default the end of the round's award day, or now while
 * it is ahead). The agencies ranked are those that lead an indicator the campaign's targets count. Each agency:
 * <ul>
 *   <li>{@code targetMet} points for each campaign target one of its indicators meets with its latest figure recorded;</li>
 *   <li>{@code reportsOnTime} × (on time + ½ late) ÷ due, over its monthly reports due from the campaign's start;</li>
 *   <li>{@code tasksOnTime} × completed on time ÷ due, over its tasks due in that span;</li>
 *   <li>minus {@code anomalyPenalty} for each anomaly flag recorded on the counted indicators.</li>
 * </ul>
 * Ties: fewer anomaly flags first, then more targets met, then agency id. Every point names its record and events.
 */
@Component
public class CampaignScores {

    private final EmulationQueries emulation;
    private final IndicatorQueries indicators;
    private final Scorecards scorecards;
    private final AnomalyDetector anomalies;
    private final StoredEvents storedEvents;
    private final ScoreWeights weights;
    private final AsOf asOf;

    public CampaignScores(EmulationQueries emulation, IndicatorQueries indicators, Scorecards scorecards, AnomalyDetector anomalies,
                          StoredEvents storedEvents, ScoreWeights weights, AsOf asOf) {
        this.emulation = emulation;
        this.indicators = indicators;
        this.scorecards = scorecards;
        this.anomalies = anomalies;
        this.storedEvents = storedEvents;
        this.weights = weights;
        this.asOf = asOf;
    }

    /** The moment a round is ranked at when none is asked: the end of its award day, or now while that is ahead. */
    public AsOf.Moment defaultMoment(CampaignView campaign, int round) {
        Round r = campaign.round(round);
        Instant endOfAwardDay = r.awardDate().plusDays(1).atStartOfDay(asOf.zone()).toInstant().minusMillis(1);
        return endOfAwardDay.isBefore(asOf.now()) ? new AsOf.Moment(endOfAwardDay) : new AsOf.Moment(asOf.now());
    }

    public Ranking ranking(String campaignId, int round, AsOf.Moment at) {
        CampaignView campaign = emulation.campaign(campaignId);
        AsOf.Moment moment = at.isNow() ? defaultMoment(campaign, round) : at;
        campaign.round(round);
        Map<String, List<Point>> byAgency = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>(); // targets met, anomaly flags
        // every indicator as of the moment in one query, rather than one as-of query per linked indicator
        Map<String, IndicatorView.Status> indicatorsThen = new LinkedHashMap<>();
        indicators.list(new IndicatorQueries.Filter(null, null, null, null), Scope.ALL, moment).forEach(i -> indicatorsThen.put(i.indicatorId(), i));
        for (CampaignTarget target : campaign.targets()) {
            for (String indicatorId : target.indicatorIds()) {
                IndicatorView.Status indicator = indicatorsThen.get(indicatorId);
                if (indicator == null) {
                    continue;
                }
                String agency = indicator.leadAgencyId();
                names.put(agency, indicator.leadAgencyName());
                List<Point> points = byAgency.computeIfAbsent(agency, a -> new ArrayList<>());
                int[] count = counts.computeIfAbsent(agency, a -> new int[2]);
                BigDecimal number = indicator.value() == null ? null : indicator.value().asNumber().orElse(null);
                if (Boolean.TRUE.equals(Dossiers.meetsCampaign(number, target))) {
                    count[0]++;
                    points.add(new Point("TARGET_MET", indicatorId, indicator.period(), target.code() + ": " + number.toPlainString()
                            + " " + target.comparator().symbol() + " " + target.value().toPlainString(), weights.targetMet(),
                            figureEvents(indicatorId, indicator.period(), moment)));
                }
                for (AnomalyDetector.Anomaly flag : anomalies.detect(indicatorId)) {
                    if (!flag.recordedAt().isAfter(moment.instant())) {
                        count[1]++;
                        points.add(new Point("ANOMALY_" + flag.rule().name(), indicatorId, null, flag.description(),
                                weights.anomalyPenalty().negate(), flag.eventIdentifiers()));
                    }
                }
            }
        }
        YearMonth from = YearMonth.from(campaign.from());
        YearMonth to = YearMonth.from(asOf.today(moment));
        Map<String, Scorecards.Due> dueByAgency = scorecards.due(from, to, moment);
        List<AgencyScore> unranked = new ArrayList<>();
        for (Map.Entry<String, List<Point>> entry : byAgency.entrySet()) {
            String agency = entry.getKey();
            List<Point> points = entry.getValue();
            Scorecards.Due due = dueByAgency.getOrDefault(agency, new Scorecards.Due(List.of(), List.of()));
            Scorecards.ReportCounts reports = due.reportCounts();
            if (reports.due() > 0) {
                BigDecimal share = BigDecimal.valueOf(reports.onTime() * 2L + reports.late())
                        .divide(BigDecimal.valueOf(reports.due() * 2L), 6, RoundingMode.HALF_UP);
                points.add(new Point("REPORTS_ON_TIME", null, from + ".." + to, reports.onTime() + " on time, " + reports.late()
                        + " late, " + reports.missing() + " missing of " + reports.due(), scale(weights.reportsOnTime().multiply(share)),
                        due.reports().stream().filter(r -> r.timeliness() != Timeliness.MISSING && r.reportId() != null)
                                .map(r -> r.indicatorId() + "/" + r.period() + "/" + r.reportId()).toList()));
            }
            Scorecards.TaskCounts tasks = due.taskCounts();
            if (tasks.due() > 0) {
                BigDecimal share = BigDecimal.valueOf(tasks.onTime()).divide(BigDecimal.valueOf(tasks.due()), 6, RoundingMode.HALF_UP);
                points.add(new Point("TASKS_ON_TIME", null, from + ".." + to, tasks.onTime() + " completed on time of " + tasks.due(),
                        scale(weights.tasksOnTime().multiply(share)), due.tasks().stream()
                        .filter(t -> t.status() == TaskStatus.COMPLETED).map(Scorecards.TaskItem::taskId).toList()));
            }
            BigDecimal score = scale(points.stream().map(Point::points).reduce(BigDecimal.ZERO, BigDecimal::add));
            int[] count = counts.get(agency);
            unranked.add(new AgencyScore(0, agency, names.get(agency), score, count[0], count[1], points));
        }
        unranked.sort(Comparator.comparing(AgencyScore::score, Comparator.reverseOrder()).thenComparingInt(AgencyScore::anomalies)
                .thenComparing(AgencyScore::targetsMet, Comparator.reverseOrder()).thenComparing(AgencyScore::agencyId));
        List<AgencyScore> ranked = new ArrayList<>();
        for (AgencyScore a : unranked) {
            ranked.add(new AgencyScore(ranked.size() + 1, a.agencyId(), a.name(), a.score(), a.targetsMet(), a.anomalies(), a.explanation()));
        }
        return new Ranking(campaignId, round, moment.instant(), weights, ranked);
    }

    /** The events behind a figure: the report of the period and every correction of it recorded by the moment. */
    private List<String> figureEvents(String indicatorId, String period, AsOf.Moment moment) {
        List<String> events = new ArrayList<>();
        AtomicReference<Period> asked = new AtomicReference<>(Period.parse(period));
        storedEvents.ofRecord(indicatorId, stored -> {
            if (stored.message().getTimestamp().isAfter(moment.instant())) {
                return;
            }
            Object event = stored.event();
            Period p = event instanceof IndicatorProgressReported r ? r.period()
                    : event instanceof IndicatorProgressCorrected c ? c.period()
                    : event instanceof IndicatorCorrectionAccepted a ? a.period() : null;
            if (asked.get().equals(p)) {
                events.add(stored.message().getIdentifier());
            }
        });
        return events;
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
