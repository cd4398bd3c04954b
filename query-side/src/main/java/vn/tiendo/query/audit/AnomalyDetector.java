package vn.tiendo.query.audit;

import org.springframework.stereotype.Component;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.events.indicator.IndicatorCorrectionAccepted;
import vn.tiendo.events.indicator.IndicatorCorrectionProposed;
import vn.tiendo.events.indicator.IndicatorDefined;
import vn.tiendo.events.indicator.IndicatorProgressCorrected;
import vn.tiendo.events.indicator.IndicatorProgressReported;
import vn.tiendo.events.indicator.IndicatorReassigned;
import vn.tiendo.events.indicator.IndicatorTargetRevised;
import vn.tiendo.events.task.TaskAssigned;
import vn.tiendo.events.task.TaskDeadlineRevised;
import vn.tiendo.events.task.TaskReassigned;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.StatusRules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags in the history that an auditor should look at ({@link AnomalyRule}), each linked to the events behind it.
 * Reads the typed events ({@link StoredEvents}). The reporting deadline of a period is day {@code reportDueDay} of
 * the month after it ends. Thresholds: {@link AnomalyRules}.
 */
@Component
public class AnomalyDetector {

    public record Anomaly(AnomalyRule rule, String aggregateId, String description, List<String> eventIdentifiers, Instant recordedAt,
                          String actor) {
    }

    /** What a rule needs of one event besides its payload. */
    private record Seen(String id, String aggregateId, Instant recordedAt, String actor) {
    }

    /** What the rules remember of one indicator while the history is read. */
    private static final class Indicator {
        Measure measure;
        final Map<Period, Target> targets = new HashMap<>();
        /** period → the event that reported it */
        final Map<Period, Seen> reports = new LinkedHashMap<>();
        final Map<Period, MeasuredValue> values = new HashMap<>();
        /** the report whose accepted proposal the next IndicatorProgressCorrected applies */
        String acceptedReport;
    }

    /** One reading of the history. */
    private final class Scan {
        final List<Anomaly> found = new ArrayList<>();
        final Map<String, Indicator> indicators = new HashMap<>();
        final Map<String, TaskDeadline> taskDeadlines = new HashMap<>();
        final Map<String, List<Seen>> correctionsByActor = new HashMap<>();

        void read(StoredEvents.Stored stored) {
            Seen e = new Seen(stored.message().getIdentifier(), stored.message().getAggregateIdentifier(),
                    stored.message().getTimestamp(), stored.meta(MetadataKeys.ACTOR));
            Object payload = stored.message().getPayload();
            if (payload instanceof IndicatorDefined defined) {
                Indicator i = indicator(e);
                i.measure = defined.measure();
                defined.targets().forEach(t -> i.targets.put(t.period(), t));
            } else if (payload instanceof IndicatorProgressReported reported) {
                reported(e, reported);
            } else if (payload instanceof IndicatorProgressCorrected corrected) {
                corrected(e, corrected);
            } else if (payload instanceof IndicatorCorrectionAccepted accepted) {
                indicator(e).acceptedReport = accepted.reportId();
            } else if (payload instanceof IndicatorCorrectionProposed proposed) {
                flag(AnomalyRule.CORRECTION_AFTER_APPROVAL, e, "a correction of the approved report for " + proposed.period().code()
                        + " was proposed", List.of(e.id()));
                countCorrection(e);
            } else if (payload instanceof IndicatorTargetRevised revised) {
                targetRevised(e, revised);
            } else if (payload instanceof IndicatorReassigned reassigned) {
                Indicator i = indicators.get(e.aggregateId());
                LocalDate on = day(e.recordedAt());
                Optional<Target> inForce = i == null ? Optional.empty()
                        : StatusRules.targetInForce(List.copyOf(i.targets.values()), Period.month(YearMonth.from(on)));
                inForce.ifPresent(t -> nearDeadline(e, reassigned.fromAgencyId(), reassigned.toAgencyId(), on, t.period().end()));
            } else if (payload instanceof TaskAssigned assigned) {
                taskDeadlines.put(e.aggregateId(), assigned.deadline());
            } else if (payload instanceof TaskDeadlineRevised revised) {
                taskDeadlines.put(e.aggregateId(), revised.newDeadline());
            } else if (payload instanceof TaskReassigned reassigned) {
                TaskDeadline deadline = taskDeadlines.get(e.aggregateId());
                if (deadline != null && deadline.dueDate() != null) {
                    nearDeadline(e, reassigned.fromAgencyId(), reassigned.toAgencyId(), day(e.recordedAt()), deadline.dueDate());
                }
            }
        }

        private Indicator indicator(Seen e) {
            return indicators.computeIfAbsent(e.aggregateId(), k -> new Indicator());
        }

        private void reported(Seen e, IndicatorProgressReported reported) {
            Indicator i = indicator(e);
            i.reports.put(reported.period(), e);
            i.values.put(reported.period(), reported.value());
            if (late(reported.period(), e.recordedAt())) {
                flag(AnomalyRule.LATE_REPORT, e, "the report for " + reported.period() + " was recorded after "
                        + dueDate(reported.period()) + ", its deadline", List.of(e.id()));
            }
        }

        private void corrected(Seen e, IndicatorProgressCorrected corrected) {
            Indicator i = indicator(e);
            Period period = corrected.period();
            i.values.put(period, corrected.newValue());
            if (late(period, e.recordedAt())) {
                List<String> events = new ArrayList<>();
                Optional.ofNullable(i.reports.get(period)).ifPresent(r -> events.add(r.id()));
                events.add(e.id());
                flag(AnomalyRule.LATE_CORRECTION, e, "the value for " + period + " was corrected after " + dueDate(period)
                        + ", its reporting deadline", events);
            }
            // a correction applied by accepting a proposal was counted for its proposer when proposed
            boolean appliesProposal = corrected.reportId().equals(i.acceptedReport);
            i.acceptedReport = null;
            if (!appliesProposal) {
                countCorrection(e);
            }
        }

        private void countCorrection(Seen e) {
            if (e.actor() != null) {
                correctionsByActor.computeIfAbsent(e.actor(), k -> new ArrayList<>()).add(e);
            }
        }

        private void targetRevised(Seen e, IndicatorTargetRevised revised) {
            Indicator i = indicator(e);
            Target newTarget = revised.newTarget();
            Target oldTarget = revised.oldTarget();
            List<Target> before = List.copyOf(i.targets.values());
            i.targets.put(newTarget.period(), newTarget);
            if (oldTarget == null || i.measure == null || !easier(oldTarget, newTarget)) {
                return;
            }
            List<String> shortfalls = new ArrayList<>();
            i.values.forEach((period, value) -> {
                boolean judgedByOld = StatusRules.targetInForce(before, period).map(t -> t.period().equals(oldTarget.period())).orElse(false);
                if (judgedByOld && i.reports.containsKey(period) && StatusRules.assess(i.measure, null, List.of(oldTarget), period.start(),
                        period, value, period.end()).status() != IndicatorStatus.ACHIEVED) {
                    shortfalls.add(i.reports.get(period).id());
                }
            });
            if (!shortfalls.isEmpty()) {
                List<String> events = new ArrayList<>(shortfalls);
                events.add(e.id());
                flag(AnomalyRule.TARGET_LOWERED_AFTER_SHORTFALL, e, "the target for " + newTarget.period() + " went from \""
                        + oldTarget.asWritten() + "\" to \"" + newTarget.asWritten() + "\" after " + shortfalls.size()
                        + " report(s) below it", events);
            }
        }

        private void nearDeadline(Seen e, String from, String to, LocalDate on, LocalDate deadline) {
            long days = ChronoUnit.DAYS.between(on, deadline);
            if (days >= 0 && days <= rules.reassignmentWindowDays()) {
                flag(AnomalyRule.REASSIGNED_NEAR_DEADLINE, e, "reassigned from " + from + " to " + to + " " + days
                        + " day(s) before its deadline " + deadline, List.of(e.id()));
            }
        }

        /** One flag per actor, with their first burst of corrections within the window (computed anew on each answer). */
        List<Anomaly> manyCorrections() {
            List<Anomaly> bursts = new ArrayList<>();
            correctionsByActor.forEach((actor, corrections) -> {
                for (int start = 0; start < corrections.size(); start++) {
                    Instant windowEnd = corrections.get(start).recordedAt().plus(rules.correctionsWindowDays(), ChronoUnit.DAYS);
                    int end = start;
                    while (end < corrections.size() && !corrections.get(end).recordedAt().isAfter(windowEnd)) {
                        end++;
                    }
                    if (end - start >= rules.correctionsPerActor()) {
                        List<Seen> burst = corrections.subList(start, end);
                        bursts.add(new Anomaly(AnomalyRule.MANY_CORRECTIONS, null, actor + " made " + burst.size() + " corrections within "
                                + rules.correctionsWindowDays() + " days", burst.stream().map(Seen::id).toList(),
                                burst.get(burst.size() - 1).recordedAt(), actor));
                        return;
                    }
                }
            });
            return bursts;
        }

        private void flag(AnomalyRule rule, Seen e, String description, List<String> events) {
            found.add(new Anomaly(rule, e.aggregateId(), description, events, e.recordedAt(), e.actor()));
        }
    }

    private final StoredEvents storedEvents;
    private final AnomalyRules rules;
    private final Clock clock;
    /** The whole history's reading, kept between answers and carried on with what was recorded since. */
    private Scan history;
    private long historyUpTo;

    public AnomalyDetector(StoredEvents storedEvents, AnomalyRules rules, Clock clock) {
        this.storedEvents = storedEvents;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Every flag in the history, or in one record's history ({@code aggregateId} not null), oldest first. The whole
     * history is read once and kept: each answer reads only the events recorded since the last one, as far as every
     * event is surely committed (the flags only grow as events are read, so nothing read before needs reading again).
     * While a transaction is still open below the newest events (an import), that answer reads everything afresh.
     */
    public List<Anomaly> detect(String aggregateId) {
        if (aggregateId != null) {
            Scan scan = new Scan();
            storedEvents.ofRecord(aggregateId, scan::read);
            return answer(scan);
        }
        synchronized (this) {
            if (history == null) {
                history = new Scan();
                historyUpTo = 0;
            }
            long committed = storedEvents.committedUpTo(historyUpTo, clock.instant().minus(IN_FLIGHT));
            storedEvents.between(historyUpTo, committed, history::read);
            historyUpTo = Math.max(historyUpTo, committed);
            if (committed < storedEvents.head()) {
                Scan scan = new Scan();
                storedEvents.all(scan::read);
                return answer(scan);
            }
            return answer(history);
        }
    }

    /** How long a gap in the global indexes is taken for a transaction still in flight (as for checkpoints). */
    static final Duration IN_FLIGHT = TamperEvidence.IN_FLIGHT;

    private static List<Anomaly> answer(Scan scan) {
        List<Anomaly> all = new ArrayList<>(scan.found);
        all.addAll(scan.manyCorrections());
        all.sort(Comparator.comparing(Anomaly::recordedAt));
        return all;
    }

    /** True when the new target asks less than the old one. */
    private static boolean easier(Target old, Target revised) {
        Optional<BigDecimal> a = old.value().asNumber();
        Optional<BigDecimal> b = revised.value().asNumber();
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int change = b.get().compareTo(a.get());
        return old.comparator().lowerIsBetter() ? change > 0 : change < 0;
    }

    LocalDate dueDate(Period period) {
        return YearMonth.from(period.end()).plusMonths(1).atDay(rules.reportDueDay());
    }

    private boolean late(Period period, Instant recordedAt) {
        return day(recordedAt).isAfter(dueDate(period));
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }
}
