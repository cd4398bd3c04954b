package vn.tiendo.command.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.command.agency.AgencyMergers;
import vn.tiendo.command.agency.AgencyCommands.MergeAgency;
import vn.tiendo.command.agency.AgencyCommands.AppointHead;
import vn.tiendo.command.agency.AgencyCommands.RecordHeadLeft;
import vn.tiendo.command.emulation.CampaignCatalog;
import vn.tiendo.command.emulation.EmulationCommands.NameCoVerifier;
import vn.tiendo.command.emulation.EmulationController.LaunchCampaignRequest;
import vn.tiendo.command.emulation.EmulationController;
import vn.tiendo.command.importing.ImportService;
import vn.tiendo.command.indicator.IndicatorCommands.AcceptIndicatorCorrection;
import vn.tiendo.command.indicator.IndicatorCommands.ReviseIndicatorTarget;
import vn.tiendo.command.plan.RegisterPlan;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.reminder.ReportingRules;
import vn.tiendo.command.web.Caller;
import vn.tiendo.events.common.Comparator;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.Target;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Profile {@code demo}: the real plans come in through the importer (the agency list, then each plan's indicator and
 * task tables, as an agency would upload them) and a generated history of monthly reports is sent as the same
 * commands users send, all played in date order on a simulated clock from January 2025 to now, so that the history
 * looks as it happened: reports mostly on time, some late, a few missing. Every event of it carries {@code demo:
 * true}. Runs once, at first start: skipped when the strategy plan is already registered.
 */
@Component
@Profile("demo")
public class DemoDataLoader implements ApplicationRunner {

    private final AgencyMergers agencyMergers;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    /** Demo data names no person: the actor is the role that would have sent it. */
    private static final String LOADER = "du-lieu-mau";
    private static final String COORDINATOR = "so-khcn";

    private final CommandGateway commands;
    private final CommandBus commandBus;
    private final ImportService imports;
    private final Registry registry;
    private final ObjectMapper json;
    private final YearMonth lastMonth;
    private final ReportingRules calendar;
    private final JdbcTemplate jdbc;

    public DemoDataLoader(CommandGateway commands, CommandBus commandBus, ImportService imports, Registry registry, ObjectMapper json,
                          ReportingRules calendar, JdbcTemplate jdbc, AgencyMergers agencyMergers,
                          @Value("${tiendo.demo.until:}") String until, @Value("${tiendo.zone:Asia/Ho_Chi_Minh}") String zone) {
        this.commands = commands;
        this.commandBus = commandBus;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.imports = imports;
        this.registry = registry;
        this.json = json;
        this.agencyMergers = agencyMergers;
        // by default, reports up to the last month that is over
        this.lastMonth = until == null || until.isBlank()
                ? YearMonth.now(Clock.system(ZoneId.of(zone))).minusMonths(1) : YearMonth.parse(until);
    }

    /** Something that happened at a moment of the simulated history. */
    private record Happening(Instant at, Runnable action) {
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
        DemoHistory history = new DemoHistory(lastMonth, calendar);
        List<Happening> timeline = new ArrayList<>();
        timeline.add(new Happening(day(LocalDate.of(2025, 1, 1)).minus(Duration.ofHours(1)),
                () -> imports.importAgencies("danh-sach-co-quan.csv", files.agencies(), coordinator, false)));
        heads(timeline);
        // the 2026 digital-transformation movement, issued in September 2025 (its day is blank in the plan), Sở Nội vụ co-verifying
        LaunchCampaignRequest campaign = new CampaignCatalog(json).digitalTransformation2026();
        timeline.add(new Happening(day(LocalDate.of(2025, 9, 1)), () -> {
            send(EmulationController.command(campaign), COORDINATOR, null);
            new CampaignCatalog(json).coVerifiers().forEach(agency -> send(new NameCoVerifier(campaign.campaignId(), agency), COORDINATOR, null));
        }));
        new DemoNominations(jdbc, json, this::send, campaign).play((date, action) -> timeline.add(new Happening(day(date).plusSeconds(3600), action)));
        // a target revised mid-2026, after A.2's reports had fallen behind its path: the audit trail flags it
        LocalDate revisedOn = LocalDate.of(2026, 7, 15);
        String reason = "Điều chỉnh lộ trình theo khả năng đầu tư hạ tầng viễn thông";
        timeline.add(new Happening(day(revisedOn), () -> send(new ReviseIndicatorTarget(CatalogFiles.STRATEGY + ".A.2", null,
                new Target(Period.year(2030), Comparator.GE, new MeasuredValue.Percent(BigDecimal.valueOf(95)), "≥ 95%"), reason,
                "Quyết định điều chỉnh chỉ tiêu (dữ liệu mẫu)"), COORDINATOR, reason)));
        for (RegisterPlan plan : files.plans()) {
            String indicatorFile = plan.planId() + "-phu-luc-chi-tieu.csv";
            String taskFile = plan.planId() + "-phu-luc-nhiem-vu.csv";
            byte[] indicatorTable = files.indicators(plan.planId());
            byte[] taskTable = files.tasks(plan.planId());
            // the plan and its tables come in on the day it was issued (its first day when the date is unknown)
            timeline.add(new Happening(day(plan.issuedOn() != null ? plan.issuedOn() : plan.periodStart()), () -> {
                send(plan, COORDINATOR, null);
                imports.importIndicators(plan.planId(), indicatorFile, indicatorTable, coordinator, false);
                imports.importTasks(plan.planId(), taskFile, taskTable, coordinator, false);
            }));
            Registry.PlanPeriod period = new Registry.PlanPeriod(plan.periodStart(), plan.periodEnd(), plan.issuer());
            YearMonth first = firstReportMonth(plan);
            Set<String> leads = new TreeSet<>();
            for (var draft : imports.previewIndicators(plan.planId(), period, indicatorFile, indicatorTable).drafts()) {
                history.indicatorReports(draft.command(), first).forEach(step -> timeline.add(happening(step)));
                leads.add(draft.command().leadAgencyId());
            }
            for (var draft : imports.previewTasks(plan.planId(), period, taskFile, taskTable).drafts()) {
                history.taskReports(draft.command(), first, plan.periodEnd()).forEach(step -> timeline.add(happening(step)));
                leads.add(draft.command().leadAgencyId());
            }
            if (plan.planId().equals(CatalogFiles.DTI)) {
                DemoPeriodicReports.steps(plan.planId(), plan.periodStart(), List.copyOf(leads), lastMonth, calendar)
                        .forEach(step -> timeline.add(happening(step)));
            }
        }
        // the city plan (003) and three wards with their own plans, rolling up into the province's C.16
        DemoCascade.Mergers mergers = (merged, into, day, decision) -> {
            // as POST /api/agencies/{id}/merger does: the merger, then its records and the agencies under it pass on
            send(new MergeAgency(merged, null, into, day, decision), COORDINATOR, null);
            agencyMergers.passOn(merged, into, day, decision, new Caller(LOADER + "." + COORDINATOR, COORDINATOR, UUID.randomUUID().toString()));
        };
        new DemoCascade(imports, history, coordinator, mergers).play(new DemoCascade.Loader() {
            @Override
            public void on(LocalDate day, Runnable action) {
                timeline.add(new Happening(day(day), action));
            }

            @Override
            public void send(Object command, String agencyId, String reason) {
                DemoDataLoader.this.send(command, agencyId, reason);
            }

            @Override
            public void history(DemoHistory.Step step) {
                timeline.add(happening(step));
            }
        });
        int played = play(timeline);
        log.info("Demo data loaded: {} agencies, {} plans, {} things that happened from {} to now (reports to {}); {} ms",
                registry.agencies().size(), jdbc.queryForObject("select count(*) from command_side.plan", Long.class), played,
                timeline.get(0).at(), lastMonth,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Plays the history in the order it happened, each event stamped with the moment it happened (Axon's event
     * clock set to it) and marked {@code demo}; what would happen after now is left out, as a report not yet sent.
     */
    private int play(List<Happening> timeline) {
        timeline.sort((a, b) -> a.at().compareTo(b.at()));
        Instant now = Instant.now();
        Clock realClock = GenericEventMessage.clock;
        Registration demoMark = commandBus.registerDispatchInterceptor(messages -> (index, message) ->
                message.andMetaData(Map.of(MetadataKeys.DEMO, true)));
        int played = 0;
        try {
            for (Happening happening : timeline) {
                if (happening.at().isAfter(now)) {
                    continue;
                }
                GenericEventMessage.clock = Clock.fixed(happening.at(), DemoHistory.PROVINCE);
                happening.action().run();
                played++;
            }
        } finally {
            GenericEventMessage.clock = realClock;
            demoMark.cancel();
        }
        return played;
    }

    /** Who led three of the agencies: their heads since January 2025, and at Sở KH&CN a change in mid-2026. No names. */
    private void heads(List<Happening> timeline) {
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (String[] head : new String[][]{{"so-khcn", "Giám đốc Sở Khoa học và Công nghệ (nhiệm kỳ trước)", "Giám đốc"},
                {"so-noi-vu", "Giám đốc Sở Nội vụ", "Giám đốc"}, {"cong-an-tinh", "Giám đốc Công an tỉnh", "Giám đốc"}}) {
            timeline.add(new Happening(day(start), () -> send(new AppointHead(head[0], null, head[1], head[2], false,
                    "Quyết định bổ nhiệm (dữ liệu mẫu)", start), COORDINATOR, null)));
        }
        LocalDate lastDay = LocalDate.of(2026, 6, 30);
        timeline.add(new Happening(day(lastDay), () -> send(new RecordHeadLeft("so-khcn", null, lastDay,
                "Quyết định nghỉ hưu (dữ liệu mẫu)", "nghỉ hưu theo chế độ"), COORDINATOR, "nghỉ hưu theo chế độ")));
        timeline.add(new Happening(day(lastDay.plusDays(1)), () -> send(new AppointHead("so-khcn", null,
                "Phó Giám đốc phụ trách Sở Khoa học và Công nghệ", "Phó Giám đốc", true, "Quyết định giao phụ trách (dữ liệu mẫu)",
                lastDay.plusDays(1)), COORDINATOR, null)));
    }

    private Happening happening(DemoHistory.Step step) {
        return new Happening(step.at(), () -> send(step.command(), step.agencyId(), step.reason()));
    }

    private static Instant day(LocalDate date) {
        return date.atTime(9, 0).atZone(DemoHistory.PROVINCE).toInstant();
    }

    /** Reports start the month after a plan is issued, or at the plan's start when its date is unknown. */
    static YearMonth firstReportMonth(RegisterPlan plan) {
        LocalDate from = plan.issuedOn() != null ? plan.issuedOn().plusMonths(1) : plan.periodStart();
        return YearMonth.from(from.isBefore(plan.periodStart()) ? plan.periodStart() : from);
    }

    private void send(Object command, String agencyId, String reason) {
        // a correction is accepted by a second person of the coordinating department, never by its proposer (four eyes)
        send(command, agencyId, command instanceof AcceptIndicatorCorrection ? "tham-dinh" : null, reason);
    }

    /** As the demo actor of an agency in a role ("hoi-dong": its council member), never a person. */
    private void send(Object command, String agencyId, String role, String reason) {
        String actor = LOADER + "." + agencyId + (role == null ? "" : "." + role);
        MetaData metaData = MetaData.with(MetadataKeys.ACTOR, actor)
                .and(MetadataKeys.ON_BEHALF_OF, agencyId)
                .and(MetadataKeys.REQUEST_ID, UUID.randomUUID().toString());
        commands.sendAndWait(command, reason == null ? metaData : metaData.and(MetadataKeys.REASON, reason));
    }
}
