package vn.tiendo.command.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.tiendo.command.catalog.PlanCatalog;
import vn.tiendo.command.indicator.IndicatorCommands.DefineIndicator;
import vn.tiendo.command.plan.RegisterPlan;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.events.common.MetadataKeys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Profile {@code demo}: loads the real plans (agencies, plans, indicators, tasks) and a generated history of monthly
 * reports, through the same commands a user sends. Runs once: skipped when the strategy plan is already registered.
 */
@Component
@Profile("demo")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    /** Demo data names no person: the actor is the role that would have sent it. */
    private static final String LOADER = "du-lieu-mau";

    private final CommandGateway commands;
    private final Registry registry;
    private final ObjectMapper json;
    private final YearMonth lastMonth;

    public DemoDataLoader(CommandGateway commands, Registry registry, ObjectMapper json,
                          @Value("${tiendo.demo.until:}") String until, @Value("${tiendo.zone:Asia/Ho_Chi_Minh}") String zone) {
        this.commands = commands;
        this.registry = registry;
        this.json = json;
        // by default, reports up to the last month that is over
        this.lastMonth = until == null || until.isBlank()
                ? YearMonth.now(Clock.system(ZoneId.of(zone))).minusMonths(1) : YearMonth.parse(until);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.planPeriod(PlanCatalog.STRATEGY).isPresent()) {
            log.info("Demo data already loaded; nothing to do");
            return;
        }
        long started = System.nanoTime();
        PlanCatalog catalog = new PlanCatalog(json);
        int sent = 0;
        for (var agency : catalog.agencies()) {
            send(agency, "so-khcn", null);
            sent++;
        }
        Map<String, RegisterPlan> plans = catalog.plans().stream().collect(Collectors.toMap(RegisterPlan::planId, Function.identity()));
        for (RegisterPlan plan : plans.values()) {
            send(plan, "so-khcn", null);
            sent++;
        }
        List<DefineIndicator> indicators = catalog.indicators();
        List<AssignTask> tasks = catalog.tasks();
        indicators.forEach(i -> send(i, "so-khcn", null));
        tasks.forEach(t -> send(t, "so-khcn", null));
        sent += indicators.size() + tasks.size();

        DemoHistory history = new DemoHistory(lastMonth);
        for (DefineIndicator indicator : indicators) {
            for (DemoHistory.Step step : history.indicatorReports(indicator, firstReportMonth(plans.get(indicator.planId())))) {
                send(step.command(), step.agencyId(), step.reason());
                sent++;
            }
        }
        for (AssignTask task : tasks) {
            RegisterPlan plan = plans.get(task.planId());
            for (DemoHistory.Step step : history.taskReports(task, firstReportMonth(plan), plan.periodEnd())) {
                send(step.command(), step.agencyId(), step.reason());
                sent++;
            }
        }
        log.info("Demo data loaded: {} agencies, {} plans, {} indicators, {} tasks; {} commands in {} ms (reports to {})",
                catalog.agencies().size(), plans.size(), indicators.size(), tasks.size(), sent,
                (System.nanoTime() - started) / 1_000_000, lastMonth);
    }

    /** Reports start the month after a plan is issued, or at the plan's start when its date is unknown. */
    static YearMonth firstReportMonth(RegisterPlan plan) {
        LocalDate from = plan.issuedOn() != null ? plan.issuedOn().plusMonths(1) : plan.periodStart();
        return YearMonth.from(from.isBefore(plan.periodStart()) ? plan.periodStart() : from);
    }

    private void send(Object command, String agencyId, String reason) {
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, LOADER + "." + agencyId)
                .and(MetadataKeys.ON_BEHALF_OF, agencyId)
                .and(MetadataKeys.REQUEST_ID, UUID.randomUUID().toString());
        commands.sendAndWait(command, reason == null ? metaData : metaData.and(MetadataKeys.REASON, reason));
    }
}
