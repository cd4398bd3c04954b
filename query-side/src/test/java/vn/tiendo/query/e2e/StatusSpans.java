package vn.tiendo.query.e2e;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.events.common.Period;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.query.config.JsonColumns;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.indicator.IndicatorView;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.StatusColumnsBackfill;
import vn.tiendo.query.status.StatusRules;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.task.TaskQueries;
import vn.tiendo.query.task.TaskView;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.Page;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists filter and count by status in SQL on the spans the projections store (StatusColumns), and fetch only the
 * reports each row's milestones read; the rows they show are assessed by the rules in the service. Both must agree on
 * every day, with no event in between: the checks here read one query side's projections as if its clock showed each
 * of the given days.
 */
final class StatusSpans {

    private StatusSpans() {
    }

    /** On each day, every status filter holds exactly the rows the rules give that status, and the counts say as much. */
    static int agreeWithTheRules(ConfigurableApplicationContext querySide, List<LocalDate> days) {
        JdbcTemplate jdbc = querySide.getBean(JdbcTemplate.class);
        JsonColumns json = querySide.getBean(JsonColumns.class);
        ZoneId zone = querySide.getBean(AsOf.class).zone();
        int rows = 0;
        for (LocalDate day : days) {
            AsOf asOf = new AsOf(Clock.fixed(day.atTime(12, 0).atZone(zone).toInstant(), zone));
            IndicatorQueries indicators = new IndicatorQueries(jdbc, json, asOf);
            List<IndicatorView.Status> all = indicators.list(new IndicatorQueries.Filter(null, null, null, null), Scope.ALL, AsOf.Moment.NOW);
            Map<IndicatorStatus, List<String>> byRules = all.stream().collect(Collectors.groupingBy(IndicatorView.Status::status,
                    Collectors.mapping(IndicatorView.Status::indicatorId, Collectors.toList())));
            Map<IndicatorStatus, Integer> counts = indicators.counts(new IndicatorQueries.Filter(null, null, null, null), Scope.ALL,
                    AsOf.Moment.NOW);
            for (IndicatorStatus status : IndicatorStatus.values()) {
                List<String> inSql = indicators.page(new IndicatorQueries.Filter(null, null, status, null), Scope.ALL, AsOf.Moment.NOW,
                        new Page.Request(0, Page.MAX_SIZE), null).items().stream().map(IndicatorView.Status::indicatorId).toList();
                assertThat(inSql).as("indicators %s on %s", status, day).containsExactlyElementsOf(byRules.getOrDefault(status, List.of()));
                assertThat(counts.get(status)).as("indicators counted %s on %s", status, day).isEqualTo(inSql.size());
            }
            // the lists fetch only the reports each milestone reads; the rules over the whole series say the same
            for (IndicatorView.Status view : all) {
                List<StatusRules.Reported> series = indicators.series(view.indicatorId(), AsOf.Moment.NOW).stream()
                        .map(point -> new StatusRules.Reported(Period.parse(point.period()), point.value())).toList();
                assertThat(view.milestones()).as("milestones of %s on %s", view.indicatorId(), day).isEqualTo(StatusRules.milestones(
                        view.measure(), view.baseline(), view.targets(), view.planStart(), series, day));
            }
            TaskQueries tasks = new TaskQueries(jdbc, json, asOf);
            List<TaskView> allTasks = tasks.list(new TaskQueries.Filter(null, null, null), Scope.ALL, AsOf.Moment.NOW);
            Map<TaskStatus, List<String>> tasksByRules = allTasks.stream().collect(Collectors.groupingBy(TaskView::status,
                    Collectors.mapping(TaskView::taskId, Collectors.toList())));
            Map<TaskStatus, Integer> taskCounts = tasks.counts(new TaskQueries.Filter(null, null, null), Scope.ALL, AsOf.Moment.NOW);
            for (TaskStatus status : TaskStatus.values()) {
                List<String> inSql = tasks.page(new TaskQueries.Filter(null, null, status), Scope.ALL, AsOf.Moment.NOW,
                        new Page.Request(0, Page.MAX_SIZE)).items().stream().map(TaskView::taskId).toList();
                assertThat(inSql).as("tasks %s on %s", status, day).containsExactlyElementsOf(tasksByRules.getOrDefault(status, List.of()));
                assertThat(taskCounts.get(status)).as("tasks counted %s on %s", status, day).isEqualTo(inSql.size());
            }
            rows += all.size() + allTasks.size();
        }
        return rows;
    }

    /** Forgets every stored span, as rows projected before migration V23 had none, and runs migration V24 on them. */
    static void forgetAndBackfill(ConfigurableApplicationContext querySide) throws Exception {
        JdbcTemplate jdbc = querySide.getBean(JdbcTemplate.class);
        jdbc.update("update projection.indicator set status_by_deadline = null, status_deadline = null, status_after_deadline = null");
        jdbc.update("update projection.task set status_by_deadline = null, status_deadline = null, status_after_deadline = null");
        // the service's connections resolve the projections' unqualified names in schema projection, as Flyway's does
        try (Connection connection = querySide.getBean(DataSource.class).getConnection()) {
            querySide.getBean(StatusColumnsBackfill.class).migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(jdbc.queryForObject("select count(*) from projection.indicator where status_by_deadline is null", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from projection.task where status_by_deadline is null", Integer.class)).isZero();
    }
}
