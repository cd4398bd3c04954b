package vn.tiendo.query.scorecard;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.query.directory.DirectoryQueries;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.scorecard.ReportCalendar.ReportDue;
import vn.tiendo.query.scorecard.ReportCalendar.Timeliness;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.task.TaskQueries;
import vn.tiendo.query.web.AsOf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How agencies and their heads are doing over a span of months, as recorded at any moment: their reports (on time,
 * late, missing, from {@link ReportCalendar}), their tasks falling due (on time, late, overdue), their indicators by
 * status, and a score. Every figure comes with the items behind it.
 * <p>
 * Score = 100 × (on time + ½ × late) ÷ due, over the reports and tasks that fell due in the span (one decimal; null
 * when nothing fell due). A head is answerable for what fell due between their first and last day.
 */
@Component
public class Scorecards {

    /** Reports that fell due: on time, late, missing. */
    public record ReportCounts(int due, int onTime, int late, int missing) {
        static ReportCounts of(List<ReportDue> reports) {
            Map<Timeliness, Integer> counted = new EnumMap<>(Timeliness.class);
            reports.forEach(r -> counted.merge(r.timeliness(), 1, Integer::sum));
            return of(counted);
        }

        static ReportCounts of(Map<Timeliness, Integer> counted) {
            int onTime = counted.getOrDefault(Timeliness.ON_TIME, 0);
            int late = counted.getOrDefault(Timeliness.LATE, 0);
            int missing = counted.getOrDefault(Timeliness.MISSING, 0);
            return new ReportCounts(onTime + late + missing, onTime, late, missing);
        }
    }

    /** Tasks that fell due (or were done before): completed on time, completed late, overdue. */
    public record TaskCounts(int due, int onTime, int late, int overdue) {
        static TaskCounts of(List<TaskItem> tasks) {
            int onTime = count(tasks, t -> t.status() == TaskStatus.COMPLETED);
            int late = count(tasks, t -> t.status() == TaskStatus.COMPLETED_LATE);
            int overdue = count(tasks, t -> t.status() == TaskStatus.OVERDUE);
            return new TaskCounts(onTime + late + overdue, onTime, late, overdue);
        }
    }

    public record TaskItem(String taskId, String content, String agencyId, LocalDate dueDate, LocalDate completedOn, TaskStatus status) {
    }

    public record AgencyScorecard(String agencyId, String name, String from, String to, Map<IndicatorStatus, Integer> indicators,
                                  ReportCounts reports, TaskCounts tasks, BigDecimal score, List<ReportDue> reportItems,
                                  List<TaskItem> taskItems) {
    }

    public record HeadScorecard(String holder, String position, boolean acting, LocalDate from, LocalDate to, String decisionReference,
                                ReportCounts reports, TaskCounts tasks, BigDecimal score, List<ReportDue> reportItems,
                                List<TaskItem> taskItems) {
    }

    public record RankedAgency(int rank, String agencyId, String name, ReportCounts reports, TaskCounts tasks, BigDecimal score) {
    }

    public record OverdueItem(String kind, String recordId, String name, String period, LocalDate dueDate, long daysOverdue) {
    }

    public record AgencyOverdue(String agencyId, String name, LocalDate oldestDue, List<OverdueItem> items) {
    }

    private record Tenure(String holder, String position, boolean acting, LocalDate from, LocalDate to, String decisionReference) {
    }

    private final ReportCalendar calendar;
    private final TaskQueries tasks;
    private final IndicatorQueries indicators;
    private final DirectoryQueries directory;
    private final JdbcTemplate jdbc;
    private final AsOf asOf;

    public Scorecards(ReportCalendar calendar, TaskQueries tasks, IndicatorQueries indicators, DirectoryQueries directory,
                      JdbcTemplate jdbc, AsOf asOf) {
        this.calendar = calendar;
        this.tasks = tasks;
        this.indicators = indicators;
        this.directory = directory;
        this.jdbc = jdbc;
        this.asOf = asOf;
    }

    public AgencyScorecard agency(String agencyId, YearMonth from, YearMonth to, AsOf.Moment at) {
        DirectoryQueries.AgencyView agency = directory.agency(agencyId);
        List<ReportDue> reports = calendar.reports(from, to, agencyId, at);
        List<TaskItem> taskItems = tasksDue(from.atDay(1), to.atEndOfMonth(), at).stream().filter(t -> agencyId.equals(t.agencyId())).toList();
        Map<IndicatorStatus, Integer> byStatus = new EnumMap<>(IndicatorStatus.class);
        for (IndicatorStatus status : IndicatorStatus.values()) {
            byStatus.put(status, 0);
        }
        indicators.list(new IndicatorQueries.Filter(null, agencyId, null, null), Scope.ALL, at)
                .forEach(i -> byStatus.merge(i.status(), 1, Integer::sum));
        ReportCounts reportCounts = ReportCounts.of(reports);
        TaskCounts taskCounts = TaskCounts.of(taskItems);
        return new AgencyScorecard(agencyId, agency.name(), from.toString(), to.toString(), byStatus, reportCounts, taskCounts,
                score(reportCounts, taskCounts), reports.stream().filter(r -> r.timeliness() != Timeliness.NOT_YET_DUE).toList(), taskItems);
    }

    /** One scorecard per head of the agency whose tenure meets the span, each over the part of the span they led. */
    public List<HeadScorecard> heads(String agencyId, YearMonth from, YearMonth to, AsOf.Moment at) {
        directory.agency(agencyId);
        LocalDate spanStart = from.atDay(1);
        LocalDate spanEnd = to.atEndOfMonth();
        List<ReportDue> reports = calendar.reports(from.minusMonths(1), to, agencyId, at);
        List<TaskItem> taskItems = tasksDue(spanStart, spanEnd, at).stream().filter(t -> agencyId.equals(t.agencyId())).toList();
        List<HeadScorecard> result = new ArrayList<>();
        for (Tenure tenure : tenures(agencyId, at)) {
            LocalDate first = tenure.from().isAfter(spanStart) ? tenure.from() : spanStart;
            LocalDate last = tenure.to() == null || tenure.to().isAfter(spanEnd) ? spanEnd : tenure.to();
            if (first.isAfter(last)) {
                continue;
            }
            Predicate<LocalDate> led = day -> !day.isBefore(first) && !day.isAfter(last);
            List<ReportDue> theirs = reports.stream().filter(r -> r.timeliness() != Timeliness.NOT_YET_DUE && led.test(r.dueDate())).toList();
            List<TaskItem> theirTasks = taskItems.stream().filter(t -> led.test(t.dueDate())).toList();
            ReportCounts reportCounts = ReportCounts.of(theirs);
            TaskCounts taskCounts = TaskCounts.of(theirTasks);
            result.add(new HeadScorecard(tenure.holder(), tenure.position(), tenure.acting(), tenure.from(), tenure.to(),
                    tenure.decisionReference(), reportCounts, taskCounts, score(reportCounts, taskCounts), theirs, theirTasks));
        }
        return result;
    }

    /** What one agency owed in a span: its reports due (not the ones not yet due) and its tasks due. */
    public record Due(List<ReportDue> reports, List<TaskItem> tasks) {
        public ReportCounts reportCounts() {
            return ReportCounts.of(reports);
        }

        public TaskCounts taskCounts() {
            return TaskCounts.of(tasks);
        }
    }

    /** Every agency's reports and tasks due in the span, with one calendar query and one task query for all of them. */
    public Map<String, Due> due(YearMonth from, YearMonth to, AsOf.Moment at) {
        Map<String, Due> due = new LinkedHashMap<>();
        calendar.reports(from, to, null, at).stream().filter(r -> r.timeliness() != Timeliness.NOT_YET_DUE)
                .forEach(r -> due.computeIfAbsent(r.agencyId(), k -> new Due(new ArrayList<>(), new ArrayList<>())).reports().add(r));
        tasksDue(from.atDay(1), to.atEndOfMonth(), at)
                .forEach(t -> due.computeIfAbsent(t.agencyId(), k -> new Due(new ArrayList<>(), new ArrayList<>())).tasks().add(t));
        return due;
    }

    /** Every agency with something due in the span, best score first (then fewer missing reports, then by name). */
    public List<RankedAgency> ranking(YearMonth from, YearMonth to, AsOf.Moment at) {
        Map<String, Map<Timeliness, Integer>> reportsByAgency = calendar.countsByAgency(from, to, at);
        Map<String, List<TaskItem>> tasksByAgency = new LinkedHashMap<>();
        tasksDue(from.atDay(1), to.atEndOfMonth(), at).forEach(t -> tasksByAgency.computeIfAbsent(t.agencyId(), k -> new ArrayList<>()).add(t));
        Map<String, String> names = new LinkedHashMap<>();
        directory.agencies(null, null).forEach(a -> names.put(a.agencyId(), a.name()));
        List<RankedAgency> unranked = new ArrayList<>();
        for (String agencyId : names.keySet()) {
            ReportCounts reports = ReportCounts.of(reportsByAgency.getOrDefault(agencyId, Map.of()));
            TaskCounts taskCounts = TaskCounts.of(tasksByAgency.getOrDefault(agencyId, List.of()));
            if (reports.due() + taskCounts.due() > 0) {
                unranked.add(new RankedAgency(0, agencyId, names.get(agencyId), reports, taskCounts, score(reports, taskCounts)));
            }
        }
        unranked.sort(Comparator.comparing(RankedAgency::score, Comparator.reverseOrder())
                .thenComparingInt(a -> a.reports().missing()).thenComparing(RankedAgency::name));
        List<RankedAgency> ranked = new ArrayList<>();
        for (RankedAgency a : unranked) {
            ranked.add(new RankedAgency(ranked.size() + 1, a.agencyId(), a.name(), a.reports(), a.tasks(), a.score()));
        }
        return ranked;
    }

    /** Everything overdue at the moment, by agency, the agency with the oldest item first, each agency's items oldest first. */
    public List<AgencyOverdue> overdue(Scope scope, AsOf.Moment at) {
        LocalDate today = asOf.today(at);
        Map<String, List<OverdueItem>> byAgency = new LinkedHashMap<>();
        calendar.missing(YearMonth.of(2000, 1), YearMonth.from(today), at).stream()
                .filter(r -> scope.includes(r.agencyId()))
                .forEach(r -> byAgency.computeIfAbsent(r.agencyId(), k -> new ArrayList<>()).add(new OverdueItem("REPORT", r.indicatorId(),
                        r.code() + ". " + r.name(), r.period(), r.dueDate(), ChronoUnit.DAYS.between(r.dueDate(), today))));
        tasks.list(new TaskQueries.Filter(null, null, TaskStatus.OVERDUE), Scope.ALL, at).stream()
                .filter(t -> scope.includes(t.leadAgencyId()))
                .forEach(t -> byAgency.computeIfAbsent(t.leadAgencyId(), k -> new ArrayList<>()).add(new OverdueItem("TASK", t.taskId(),
                        t.content(), null, t.deadline().dueDate(), ChronoUnit.DAYS.between(t.deadline().dueDate(), today))));
        Map<String, String> names = new LinkedHashMap<>();
        directory.agencies(null, null).forEach(a -> names.put(a.agencyId(), a.name()));
        return byAgency.entrySet().stream().map(e -> {
            List<OverdueItem> items = e.getValue().stream().sorted(Comparator.comparing(OverdueItem::dueDate)).toList();
            return new AgencyOverdue(e.getKey(), names.get(e.getKey()), items.get(0).dueDate(), items);
        }).sorted(Comparator.comparing(AgencyOverdue::oldestDue).thenComparing(AgencyOverdue::agencyId)).toList();
    }

    /** Tasks with a due date in the span, with their status as recorded at the moment. */
    private List<TaskItem> tasksDue(LocalDate first, LocalDate last, AsOf.Moment at) {
        return tasks.list(new TaskQueries.Filter(null, null, null), Scope.ALL, at).stream()
                .filter(t -> t.deadline().dueDate() != null && !t.deadline().dueDate().isBefore(first) && !t.deadline().dueDate().isAfter(last))
                .map(t -> new TaskItem(t.taskId(), t.content(), t.leadAgencyId(), t.deadline().dueDate(), t.completedOn(), t.status()))
                .toList();
    }

    private List<Tenure> tenures(String agencyId, AsOf.Moment at) {
        OffsetDateTime moment = (at.isNow() ? asOf.now() : at.instant()).atOffset(ZoneOffset.UTC);
        return jdbc.query("select holder, position, acting, from_date, decision_reference, "
                        + "case when left_recorded_at <= ? then to_date end as to_date from projection.agency_head "
                        + "where agency_id = ? and recorded_at <= ? order by from_date",
                (rs, i) -> new Tenure(rs.getString("holder"), rs.getString("position"), rs.getBoolean("acting"),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class), rs.getString("decision_reference")),
                moment, agencyId, moment);
    }

    static BigDecimal score(ReportCounts reports, TaskCounts tasks) {
        int due = reports.due() + tasks.due();
        if (due == 0) {
            return null;
        }
        double points = reports.onTime() + tasks.onTime() + 0.5 * (reports.late() + tasks.late());
        return BigDecimal.valueOf(100 * points / due).setScale(1, RoundingMode.HALF_UP);
    }

    private static <T> int count(List<T> items, Predicate<T> matches) {
        return (int) items.stream().filter(matches).count();
    }
}
