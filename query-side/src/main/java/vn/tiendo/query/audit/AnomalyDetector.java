package vn.tiendo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.query.status.StatusRules;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * Flags in the history that an auditor should look at, each linked to the events behind it:
 * <ul>
 *   <li>{@code TARGET_LOWERED_AFTER_SHORTFALL}: a target made easier after a report that fell short of it;</li>
 *   <li>{@code LATE_CORRECTION}: a value corrected after the period's reporting deadline;</li>
 *   <li>{@code LATE_REPORT}: a report recorded after its period's reporting deadline;</li>
 *   <li>{@code CORRECTION_AFTER_APPROVAL}: a correction proposed for a report its head had approved;</li>
 *   <li>{@code REASSIGNED_NEAR_DEADLINE}: an indicator or task reassigned within the window before its deadline;</li>
 *   <li>{@code MANY_CORRECTIONS}: one actor correcting many values within the window (a correction of an approved
 *   report counts for whoever proposed it, not for the second person who accepted it).</li>
 * </ul>
 * The reporting deadline of a period is day {@code reportDueDay} of the month after it ends. Thresholds: {@link AnomalyRules}.
 */
@Component
public class AnomalyDetector {

    public record Anomaly(String rule, String aggregateId, String description, List<String> eventIdentifiers, Instant recordedAt,
                          String actor) {
    }

    private record Event(String id, String aggregateId, String type, JsonNode payload, Instant recordedAt, String actor) {
    }

    private static final class Indicator {
        Measure measure;
        final Map<Period, Target> targets = new HashMap<>();
        /** period → the report event and the value now recorded for it */
        final Map<Period, Event> reports = new LinkedHashMap<>();
        final Map<Period, MeasuredValue> values = new HashMap<>();
        /** the report whose accepted proposal the next IndicatorProgressCorrected applies */
        String acceptedReport;
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AnomalyRules rules;
    private final Clock clock;

    public AnomalyDetector(JdbcTemplate jdbc, ObjectMapper json, AnomalyRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.rules = rules;
        this.clock = clock;
    }

    public List<Anomaly> detect(String aggregateId) {
        List<Anomaly> found = new ArrayList<>();
        Map<String, Indicator> indicators = new HashMap<>();
        Map<String, TaskDeadline> taskDeadlines = new HashMap<>();
        Map<String, List<Event>> correctionsByActor = new HashMap<>();
        String sql = "select event_identifier, aggregate_identifier, time_stamp, payload_type, payload, meta_data "
                + "from event_store.domain_event_entry where (payload_type like 'vn.tiendo.events.indicator.%' "
                + "or payload_type like 'vn.tiendo.events.task.%')" + (aggregateId == null ? "" : " and aggregate_identifier = ?")
                + " order by global_index";
        jdbc.query(sql, rs -> {
            String type = rs.getString("payload_type");
            JsonNode meta = read(rs.getBytes("meta_data"));
            Event e = new Event(rs.getString("event_identifier"), rs.getString("aggregate_identifier"), type.substring(type.lastIndexOf('.') + 1),
                    read(rs.getBytes("payload")), org.axonframework.common.DateTimeUtils.parseInstant(rs.getString("time_stamp")),
                    meta.hasNonNull("actor") ? meta.get("actor").asText() : null);
            apply(e, indicators, taskDeadlines, correctionsByActor, found);
        }, aggregateId == null ? new Object[0] : new Object[]{aggregateId});
        correctionsByActor.forEach((actor, corrections) -> manyCorrections(actor, corrections, found));
        found.sort(Comparator.comparing(Anomaly::recordedAt));
        return found;
    }

    private void apply(Event e, Map<String, Indicator> indicators, Map<String, TaskDeadline> taskDeadlines,
                       Map<String, List<Event>> correctionsByActor, List<Anomaly> found) {
        try {
            switch (e.type()) {
                case "IndicatorDefined" -> {
                    Indicator i = indicators.computeIfAbsent(e.aggregateId(), k -> new Indicator());
                    i.measure = json.treeToValue(e.payload().get("measure"), Measure.class);
                    for (JsonNode t : e.payload().get("targets")) {
                        Target target = json.treeToValue(t, Target.class);
                        i.targets.put(target.period(), target);
                    }
                }
                case "IndicatorProgressReported" -> {
                    Indicator i = indicators.computeIfAbsent(e.aggregateId(), k -> new Indicator());
                    Period period = Period.parse(e.payload().get("period").asText());
                    i.reports.put(period, e);
                    i.values.put(period, json.treeToValue(e.payload().get("value"), MeasuredValue.class));
                    if (late(period, e.recordedAt())) {
                        found.add(new Anomaly("LATE_REPORT", e.aggregateId(), "the report for " + period + " was recorded after "
                                + dueDate(period) + ", its deadline", List.of(e.id()), e.recordedAt(), e.actor()));
                    }
                }
                case "IndicatorProgressCorrected" -> {
                    Indicator i = indicators.computeIfAbsent(e.aggregateId(), k -> new Indicator());
                    Period period = Period.parse(e.payload().get("period").asText());
                    i.values.put(period, json.treeToValue(e.payload().get("newValue"), MeasuredValue.class));
                    if (late(period, e.recordedAt())) {
                        List<String> events = new ArrayList<>();
                        Optional.ofNullable(i.reports.get(period)).ifPresent(r -> events.add(r.id()));
                        events.add(e.id());
                        found.add(new Anomaly("LATE_CORRECTION", e.aggregateId(), "the value for " + period + " was corrected after "
                                + dueDate(period) + ", its reporting deadline", events, e.recordedAt(), e.actor()));
                    }
                    // a correction applied by accepting a proposal was counted for its proposer when proposed
                    boolean appliesProposal = e.payload().path("reportId").asText().equals(i.acceptedReport);
                    i.acceptedReport = null;
                    if (e.actor() != null && !appliesProposal) {
                        correctionsByActor.computeIfAbsent(e.actor(), k -> new ArrayList<>()).add(e);
                    }
                }
                case "IndicatorCorrectionAccepted" ->
                        indicators.computeIfAbsent(e.aggregateId(), k -> new Indicator()).acceptedReport = e.payload().path("reportId").asText();
                case "IndicatorCorrectionProposed" -> {
                    found.add(new Anomaly("CORRECTION_AFTER_APPROVAL", e.aggregateId(),
                            "a correction of the approved report for " + e.payload().path("period").asText() + " was proposed",
                            List.of(e.id()), e.recordedAt(), e.actor()));
                    if (e.actor() != null) {
                        correctionsByActor.computeIfAbsent(e.actor(), k -> new ArrayList<>()).add(e);
                    }
                }
                case "IndicatorTargetRevised" -> targetRevised(e, indicators.computeIfAbsent(e.aggregateId(), k -> new Indicator()), found);
                case "IndicatorReassigned" -> {
                    Indicator i = indicators.get(e.aggregateId());
                    LocalDate on = day(e.recordedAt());
                    Optional<Target> inForce = i == null ? Optional.empty()
                            : StatusRules.targetInForce(List.copyOf(i.targets.values()), Period.month(YearMonth.from(on)));
                    inForce.ifPresent(t -> nearDeadline(e, on, t.period().end(), found));
                }
                case "TaskAssigned" -> taskDeadlines.put(e.aggregateId(), json.treeToValue(e.payload().get("deadline"), TaskDeadline.class));
                case "TaskDeadlineRevised" -> taskDeadlines.put(e.aggregateId(), json.treeToValue(e.payload().get("newDeadline"), TaskDeadline.class));
                case "TaskReassigned" -> {
                    TaskDeadline deadline = taskDeadlines.get(e.aggregateId());
                    if (deadline != null && deadline.dueDate() != null) {
                        nearDeadline(e, day(e.recordedAt()), deadline.dueDate(), found);
                    }
                }
                default -> {
                }
            }
        } catch (Exception ex) {
            throw new IllegalStateException("cannot read event " + e.id(), ex);
        }
    }

    private void targetRevised(Event e, Indicator i, List<Anomaly> found) throws Exception {
        Target newTarget = json.treeToValue(e.payload().get("newTarget"), Target.class);
        Target oldTarget = e.payload().hasNonNull("oldTarget") ? json.treeToValue(e.payload().get("oldTarget"), Target.class) : null;
        List<Target> before = List.copyOf(i.targets.values());
        i.targets.put(newTarget.period(), newTarget);
        if (oldTarget == null || i.measure == null || !easier(oldTarget, newTarget)) {
            return;
        }
        List<String> shortfalls = new ArrayList<>();
        i.values.forEach((period, value) -> {
            boolean judgedByOld = StatusRules.targetInForce(before, period).map(t -> t.period().equals(oldTarget.period())).orElse(false);
            if (judgedByOld && StatusRules.assess(i.measure, null, List.of(oldTarget), period.start(), period, value,
                    period.end()).status() != vn.tiendo.query.status.IndicatorStatus.ACHIEVED && i.reports.containsKey(period)) {
                shortfalls.add(i.reports.get(period).id());
            }
        });
        if (!shortfalls.isEmpty()) {
            List<String> events = new ArrayList<>(shortfalls);
            events.add(e.id());
            found.add(new Anomaly("TARGET_LOWERED_AFTER_SHORTFALL", e.aggregateId(), "the target for " + newTarget.period() + " went from \""
                    + oldTarget.asWritten() + "\" to \"" + newTarget.asWritten() + "\" after " + shortfalls.size()
                    + " report(s) below it", events, e.recordedAt(), e.actor()));
        }
    }

    /** True when the new target asks less than the old one. */
    private static boolean easier(Target old, Target revised) {
        Optional<java.math.BigDecimal> a = old.value().asNumber();
        Optional<java.math.BigDecimal> b = revised.value().asNumber();
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int change = b.get().compareTo(a.get());
        return old.comparator().lowerIsBetter() ? change > 0 : change < 0;
    }

    private void nearDeadline(Event e, LocalDate on, LocalDate deadline, List<Anomaly> found) {
        long days = ChronoUnit.DAYS.between(on, deadline);
        if (days >= 0 && days <= rules.reassignmentWindowDays()) {
            found.add(new Anomaly("REASSIGNED_NEAR_DEADLINE", e.aggregateId(), "reassigned from " + e.payload().path("fromAgencyId").asText()
                    + " to " + e.payload().path("toAgencyId").asText() + " " + days + " day(s) before its deadline " + deadline,
                    List.of(e.id()), e.recordedAt(), e.actor()));
        }
    }

    private void manyCorrections(String actor, List<Event> corrections, List<Anomaly> found) {
        for (int start = 0; start < corrections.size(); start++) {
            Instant windowEnd = corrections.get(start).recordedAt().plus(rules.correctionsWindowDays(), ChronoUnit.DAYS);
            int end = start;
            while (end < corrections.size() && !corrections.get(end).recordedAt().isAfter(windowEnd)) {
                end++;
            }
            if (end - start >= rules.correctionsPerActor()) {
                List<Event> burst = corrections.subList(start, end);
                found.add(new Anomaly("MANY_CORRECTIONS", null, actor + " made " + burst.size() + " corrections within "
                        + rules.correctionsWindowDays() + " days", burst.stream().map(Event::id).toList(),
                        burst.get(burst.size() - 1).recordedAt(), actor));
                return; // one flag per actor, with the first burst
            }
        }
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

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }
}
