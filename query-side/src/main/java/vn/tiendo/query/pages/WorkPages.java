package vn.tiendo.query.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;
import vn.tiendo.query.audit.AnomalyDetector;
import vn.tiendo.query.audit.AuditQueries;
import vn.tiendo.query.audit.TamperEvidence;
import vn.tiendo.query.directory.DirectoryQueries;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.scorecard.ReportCalendar;
import vn.tiendo.query.scorecard.Scorecards;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.task.TaskQueries;
import vn.tiendo.query.task.TaskView;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pages for heads of agencies and auditors: an agency (its indicators and tasks, scorecard, heads, this period's
 * reports), the task board, and the audit page (the log, anomaly flags, the hash-chain check, a checkpoint to print).
 */
@Controller
public class WorkPages {

    private final IndicatorQueries indicators;
    private final TaskQueries tasks;
    private final Scorecards scorecards;
    private final DirectoryQueries directory;
    private final AuditQueries audit;
    private final AnomalyDetector anomalies;
    private final TamperEvidence tamperEvidence;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public WorkPages(IndicatorQueries indicators, TaskQueries tasks, Scorecards scorecards, DirectoryQueries directory, AuditQueries audit,
                     AnomalyDetector anomalies, TamperEvidence tamperEvidence, AsOf asOf, ScopePolicy scopePolicy) {
        this.indicators = indicators;
        this.tasks = tasks;
        this.scorecards = scorecards;
        this.directory = directory;
        this.audit = audit;
        this.anomalies = anomalies;
        this.tamperEvidence = tamperEvidence;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    /** An agency as its head sees it: its records with their status, its scorecard since January, who led it, this period's reports. */
    @GetMapping("/app/agencies/{agencyId}")
    public String agency(@PathVariable String agencyId, @RequestParam(required = false) String asOf, Model model) {
        if (!scopePolicy.current().includes(agencyId)) {
            throw new NotFound("agency", agencyId);
        }
        AsOf.Moment at = this.asOf.parse(asOf);
        LocalDate today = this.asOf.today(at);
        YearMonth from = YearMonth.of(today.getYear(), 1);
        YearMonth to = YearMonth.from(today);
        Scorecards.AgencyScorecard card = scorecards.agency(agencyId, from, to, at);
        // the reports falling due this month: last month's figures
        YearMonth lastMonth = to.minusMonths(1);
        List<ReportCalendar.ReportDue> thisPeriod = card.reportItems().stream().filter(r -> r.period().equals(lastMonth.toString())).toList();
        model.addAttribute("agency", directory.agency(agencyId));
        model.addAttribute("card", card);
        model.addAttribute("heads", scorecards.heads(agencyId, from, to, at));
        model.addAttribute("indicators", indicators.list(new IndicatorQueries.Filter(null, agencyId, null, null), Scope.ALL, at));
        model.addAttribute("tasks", tasks.list(new TaskQueries.Filter(null, agencyId, null), Scope.ALL, at));
        model.addAttribute("thisPeriod", thisPeriod);
        model.addAttribute("agencyChanges", directory.changes(agencyId, at));
        List<DirectoryQueries.GroupView> groups = directory.groups(agencyId);
        model.addAttribute("groups", groups);
        PlatformUser user = PlatformUser.current();
        boolean mayChangeGroups = at.isNow() && (user.has(Role.COORDINATOR) || user.has(Role.ADMIN));
        model.addAttribute("mayChangeGroups", mayChangeGroups);
        if (mayChangeGroups) {
            model.addAttribute("groupForms", GroupPages.forms(groups, directory));
        }
        model.addAttribute("lastMonth", lastMonth.toString());
        return Pages.common(model, asOf, this.asOf, "agency");
    }

    /** The tasks the user may see, in columns by status, each column by deadline. */
    @GetMapping("/app/tasks")
    public String tasks(@RequestParam(required = false) String asOf, Model model) {
        AsOf.Moment at = this.asOf.parse(asOf);
        Map<TaskStatus, List<TaskView>> board = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            board.put(status, new ArrayList<>());
        }
        tasks.list(new TaskQueries.Filter(null, null, null), scopePolicy.current(), at).forEach(t -> board.get(t.status()).add(t));
        Comparator<TaskView> byDeadline = Comparator.comparing(t -> t.deadline() == null || t.deadline().dueDate() == null
                ? LocalDate.MAX : t.deadline().dueDate());
        board.values().forEach(column -> column.sort(byDeadline));
        model.addAttribute("board", board);
        return Pages.common(model, asOf, this.asOf, "tasks");
    }

    /** For auditors: the latest changes, the anomaly flags, the hash chains checked on request, and the checkpoints. */
    @GetMapping("/app/audit")
    public String audit(@RequestParam(required = false) String actor, @RequestParam(defaultValue = "false") boolean verify, Model model) {
        model.addAttribute("log", audit.log(actor == null || actor.isBlank() ? null : actor, null, null, null, null, null, 0, 50).items());
        model.addAttribute("actor", actor == null ? "" : actor);
        List<AnomalyDetector.Anomaly> flags = new ArrayList<>(anomalies.detect(null));
        flags.sort(Comparator.comparing(AnomalyDetector.Anomaly::recordedAt).reversed());
        model.addAttribute("anomalies", flags.stream().limit(50).toList());
        model.addAttribute("anomalyCount", flags.size());
        model.addAttribute("checkpoints", tamperEvidence.latest(10));
        if (verify) {
            model.addAttribute("verification", tamperEvidence.verify(null, null, null, false));
        }
        model.addAttribute("mayCheckpoint", PlatformUser.current().roles().stream()
                .anyMatch(r -> r == Role.AUDITOR || r == Role.ADMIN));
        return Pages.common(model, null, this.asOf, "audit");
    }

    /** Makes a checkpoint now; the page shows the statement to print and publish outside the platform. */
    @PostMapping("/app/audit/checkpoints")
    public String checkpoint(RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("message", tamperEvidence.checkpoint().statement());
        } catch (TamperEvidence.ChainBroken e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/app/audit";
    }
}
