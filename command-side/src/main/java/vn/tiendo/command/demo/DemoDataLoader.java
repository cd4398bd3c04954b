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
import vn.tiendo.command.importing.ImportService;
import vn.tiendo.command.indicator.IndicatorCommands.AcceptIndicatorCorrection;
import vn.tiendo.command.plan.RegisterPlan;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.web.Caller;
import vn.tiendo.events.common.MetadataKeys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Profile {@code demo}: the real plans come in through the importer (the agency list, then each plan's indicator and
 * task tables, as an agency would upload them), followed by a generated history of monthly reports sent as the
 * same commands users send. Runs once: skipped when the strategy plan is already registered.
 */
@Component
@Profile("demo")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    /** Demo data names no person: the actor is the role that would have sent it. */
    private static final String LOADER = "du-lieu-mau";
    private static final String COORDINATOR = "so-khcn";

    private final CommandGateway commands;
    private final ImportService imports;
    private final Registry registry;
    private final ObjectMapper json;
    private final YearMonth lastMonth;

    public DemoDataLoader(CommandGateway commands, ImportService imports, Registry registry, ObjectMapper json,
                          @Value("${tiendo.demo.until:}") String until, @Value("${tiendo.zone:Asia/Ho_Chi_Minh}") String zone) {
        this.commands = commands;
        this.imports = imports;
        this.registry = registry;
        this.json = json;
        // by default, reports up to the last month that is over
        this.lastMonth = until == null || until.isBlank()
                ? YearMonth.now(Clock.system(ZoneId.of(zone))).minusMonths(1) : YearMonth.parse(until);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.planPeriod(CatalogFiles.STRATEGY).isPresent()) {
            log.info("Demo data already loaded; nothing to do");
            return;
        }
        long started = System.nanoTime();
        CatalogFiles files = new CatalogFiles(json);
        Caller coordinator = new Caller(LOADER + "." + COORDINATOR, COORDINATOR, UUID.randomUUID().toString());
        imports.importAgencies("danh-sach-co-quan.csv", files.agencies(), coordinator, false);
        DemoHistory history = new DemoHistory(lastMonth);
        int indicators = 0;
        int tasks = 0;
        int reports = 0;
        for (RegisterPlan plan : files.plans()) {
            send(plan, COORDINATOR, null);
            String indicatorFile = plan.planId() + "-phu-luc-chi-tieu.csv";
            String taskFile = plan.planId() + "-phu-luc-nhiem-vu.csv";
            byte[] indicatorTable = files.indicators(plan.planId());
            byte[] taskTable = files.tasks(plan.planId());
            indicators += imports.importIndicators(plan.planId(), indicatorFile, indicatorTable, coordinator, false).created();
            tasks += imports.importTasks(plan.planId(), taskFile, taskTable, coordinator, false).created();
            YearMonth first = firstReportMonth(plan);
            for (var draft : imports.readIndicators(plan.planId(), indicatorFile, indicatorTable).drafts()) {
                for (DemoHistory.Step step : history.indicatorReports(draft.command(), first)) {
                    send(step.command(), step.agencyId(), step.reason());
                    reports++;
                }
            }
            for (var draft : imports.readTasks(plan.planId(), taskFile, taskTable).drafts()) {
                for (DemoHistory.Step step : history.taskReports(draft.command(), first, plan.periodEnd())) {
                    send(step.command(), step.agencyId(), step.reason());
                    reports++;
                }
            }
        }
        log.info("Demo data loaded: {} agencies, {} plans, {} indicators, {} tasks imported; {} reports, completions and corrections; "
                        + "{} ms (reports to {})", registry.agencies().size(), files.plans().size(), indicators, tasks, reports,
                (System.nanoTime() - started) / 1_000_000, lastMonth);
    }

    /** Reports start the month after a plan is issued, or at the plan's start when its date is unknown. */
    static YearMonth firstReportMonth(RegisterPlan plan) {
        LocalDate from = plan.issuedOn() != null ? plan.issuedOn().plusMonths(1) : plan.periodStart();
        return YearMonth.from(from.isBefore(plan.periodStart()) ? plan.periodStart() : from);
    }

    private void send(Object command, String agencyId, String reason) {
        // a correction is accepted by a second person of the coordinating department, never by its proposer (four eyes)
        String actor = LOADER + "." + agencyId + (command instanceof AcceptIndicatorCorrection ? ".tham-dinh" : "");
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, actor)
                .and(MetadataKeys.ON_BEHALF_OF, agencyId)
                .and(MetadataKeys.REQUEST_ID, UUID.randomUUID().toString());
        commands.sendAndWait(command, reason == null ? metaData : metaData.and(MetadataKeys.REASON, reason));
    }
}
