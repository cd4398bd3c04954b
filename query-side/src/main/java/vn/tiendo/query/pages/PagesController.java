package vn.tiendo.query.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;
import vn.tiendo.query.audit.AuditQueries;
import vn.tiendo.query.directory.DirectoryQueries;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.indicator.IndicatorView;
import vn.tiendo.query.rollup.RollUpView;
import vn.tiendo.query.rollup.RollUps;
import vn.tiendo.query.scorecard.Scorecards;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;
import vn.tiendo.query.web.Page;
import vn.tiendo.query.web.QueryParams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The web pages, Vietnamese first (?lang=en for English): the province overview, an indicator with its chart,
 * series and history as of any day, a nomination's dossier. Each reads the same queries as the API, with the
 * signed-in person's agency scope.
 */
@Controller
public class PagesController {

    private static final Set<Role> RANKING_READERS = Set.of(Role.HEAD, Role.AUDITOR, Role.COORDINATOR, Role.COUNCIL, Role.ADMIN);

    private final IndicatorQueries indicators;
    private final Scorecards scorecards;
    private final DirectoryQueries directory;
    private final AuditQueries audit;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;
    private final boolean signInThroughProvider;
    private final RollUps rollUps;

    public PagesController(IndicatorQueries indicators, Scorecards scorecards, DirectoryQueries directory, AuditQueries audit,
                           AsOf asOf, ScopePolicy scopePolicy, ObjectProvider<ClientRegistrationRepository> oidc, RollUps rollUps) {
        this.rollUps = rollUps;
        this.signInThroughProvider = oidc.getIfAvailable() != null;
        this.indicators = indicators;
        this.scorecards = scorecards;
        this.directory = directory;
        this.audit = audit;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/app";
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("provider", signInThroughProvider ? "/oauth2/authorization/" + OidcSignIn.REGISTRATION : null);
        return "login";
    }

    /** How many indicators each plan's card shows before its link to the next ones. */
    static final int OVERVIEW_PAGE = 50;

    /**
     * The province (or the user's agencies) at a glance: the status counts (each a filter), the indicators by plan a
     * page at a time ({@code planId} and {@code after}: the page of that plan after an indicator), the ranking, what is
     * overdue. Counted, filtered and cut in SQL, so it opens as fast with a province's hundreds of thousands of rows.
     */
    @GetMapping("/app")
    public String overview(@RequestParam(required = false) String asOf, @RequestParam(required = false) IndicatorStatus status,
                           @RequestParam(required = false) String planId, @RequestParam(required = false) String after, Model model) {
        AsOf.Moment at = this.asOf.parse(asOf);
        Scope scope = scopePolicy.current();
        // the page's own links carry every parameter, empty when not chosen
        planId = planId == null || planId.isBlank() ? null : planId;
        after = after == null || after.isBlank() ? null : after;
        Map<String, String> planTitles = new LinkedHashMap<>();
        directory.plans().forEach(p -> planTitles.put(p.planId(), p.documentNumber() + " — " + p.title()));
        Map<String, Page<IndicatorView.Status>> byPlan = new LinkedHashMap<>();
        for (String plan : planId == null ? planTitles.keySet() : Set.of(planId)) {
            Page<IndicatorView.Status> page = indicators.page(new IndicatorQueries.Filter(plan, null, status, null), scope, at,
                    new Page.Request(0, OVERVIEW_PAGE), plan.equals(planId) ? after : null);
            if (!page.items().isEmpty()) {
                byPlan.put(plan, page);
            }
        }
        LocalDate today = this.asOf.today(at);
        model.addAttribute("byPlan", byPlan);
        model.addAttribute("planTitles", planTitles);
        model.addAttribute("counts", indicators.counts(new IndicatorQueries.Filter(planId, null, null, null), scope, at));
        model.addAttribute("statuses", IndicatorStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("planId", planId);
        model.addAttribute("overdue", scorecards.overdue(scope, at).stream().limit(10).toList());
        if (mayRead(RANKING_READERS)) {
            model.addAttribute("ranking", scorecards.ranking(YearMonth.of(today.getYear(), 1), YearMonth.from(today), at).stream().limit(10).toList());
        }
        return common(model, asOf, "overview");
    }

    /** One indicator: targets and milestones, the chart, the series, and (for the audit roles) every event behind it. */
    @GetMapping("/app/indicators/{indicatorId}")
    public String indicator(@PathVariable String indicatorId, @RequestParam(required = false) String asOf,
                            @RequestParam(required = false) String rollUpPeriod, Model model) {
        AsOf.Moment at = this.asOf.parse(asOf);
        IndicatorView.Status indicator = indicators.get(indicatorId, null, at);
        if (!indicator.seenBy(scopePolicy.current())) {
            throw new NotFound("indicator", indicatorId);
        }
        List<IndicatorView.SeriesPoint> series = indicators.series(indicatorId, at);
        model.addAttribute("indicator", indicator);
        model.addAttribute("series", series);
        List<IndicatorQueries.TargetRevision> revisions = indicators.targetRevisions(indicatorId, at);
        model.addAttribute("revisions", revisions);
        model.addAttribute("chart", SeriesChart.svg(indicator, series, revisions));
        if (indicator.rollUpRule() != null) {
            RollUpView rollUp = rollUps.of(indicatorId, QueryParams.period(rollUpPeriod, "rollUpPeriod"), scopePolicy.current(), at);
            model.addAttribute("rollUp", rollUp);
            model.addAttribute("rollUpRows", RollUpRows.of(rollUp));
            model.addAttribute("rollUpFigure", RollUpRows.shown(rollUp.rolledUp()));
            model.addAttribute("rollUpReported", RollUpRows.shown(rollUp.reported()));
        }
        // forms only on today's page, for those the command side would let act on the indicator's lead agency
        boolean acts = at.isNow() && scopePolicy.current().includes(indicator.leadAgencyId());
        model.addAttribute("mayReport", acts && mayRead(Set.of(Role.OFFICER, Role.HEAD, Role.COORDINATOR))
                && ReportForms.NUMBER_KINDS.contains(indicator.measure().kind()));
        model.addAttribute("mayApprove", acts && mayRead(Set.of(Role.HEAD, Role.COORDINATOR)));
        boolean coordinates = at.isNow() && mayRead(Set.of(Role.COORDINATOR));
        model.addAttribute("mayRevise", coordinates && ReportForms.NUMBER_KINDS.contains(indicator.measure().kind()));
        model.addAttribute("mayReassign", coordinates);
        if (coordinates) {
            model.addAttribute("agencies", directory.agencies(null, null));
            model.addAttribute("comparators", List.of(">=", ">", "=", "<=", "<"));
        }
        if (mayRead(Pages.AUDIT_READERS)) {
            model.addAttribute("history", audit.history(indicatorId).stream()
                    .filter(e -> at.isNow() || !Instant.parse(e.recordedAt()).isAfter(at.instant())).toList());
        }
        return common(model, asOf, "indicator");
    }

    private String common(Model model, String asOfParameter, String view) {
        return Pages.common(model, asOfParameter, this.asOf, view);
    }

    private static boolean mayRead(Set<Role> roles) {
        return PlatformUser.current().roles().stream().anyMatch(roles::contains);
    }
}
