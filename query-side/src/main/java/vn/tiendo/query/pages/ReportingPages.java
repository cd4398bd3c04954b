package vn.tiendo.query.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;
import vn.tiendo.query.directory.DirectoryQueries;
import vn.tiendo.query.reporting.PeriodicReports;
import vn.tiendo.query.web.AsOf;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The periodic-report calendar (báo cáo định kỳ): the plans' reporting duties, and for each agency and period what
 * was due, when it came, on time or late or missing; officers, heads and the coordinating department send a report
 * with its document or file. The command side decides who may send what.
 */
@Controller
public class ReportingPages {

    private final PeriodicReports reports;
    private final DirectoryQueries directory;
    private final CommandClient commands;
    private final EvidenceFiles files;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public ReportingPages(PeriodicReports reports, DirectoryQueries directory, CommandClient commands, EvidenceFiles files, AsOf asOf,
                          ScopePolicy scopePolicy) {
        this.reports = reports;
        this.directory = directory;
        this.commands = commands;
        this.asOf = asOf;
        this.files = files;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/app/reporting")
    public String calendar(@RequestParam(required = false) String planId, @RequestParam(required = false) String asOf, Model model) {
        AsOf.Moment at = this.asOf.parse(asOf);
        String plan = planId == null || planId.isBlank() ? null : Pages.requireId(planId);
        Scope scope = scopePolicy.current();
        model.addAttribute("plans", directory.plans());
        model.addAttribute("planId", plan);
        model.addAttribute("duties", reports.duties(plan, at));
        model.addAttribute("calendar", reports.calendar(plan, null, null, null, scope, at));
        PlatformUser user = PlatformUser.current();
        boolean sends = at.isNow() && (user.has(Role.OFFICER) || user.has(Role.HEAD) || user.has(Role.COORDINATOR));
        model.addAttribute("maySend", sends);
        if (sends) {
            model.addAttribute("agencies", directory.agencies(null, null).stream().filter(a -> scope.includes(a.agencyId())).toList());
        }
        return Pages.common(model, asOf, this.asOf, "reporting");
    }

    /** {@code duty}: "planId|obligationId", as the form's list of duties gives it. */
    @PostMapping("/app/reporting/periodic-reports")
    public String send(@RequestParam String duty, @RequestParam String period, @RequestParam String agencyId,
                       @RequestParam(required = false) String note, @RequestParam(required = false) String documentNumber,
                       @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        String[] parts = duty.split("\\|", 2);
        if (parts.length != 2) {
            flash.addFlashAttribute("error", "Chế độ báo cáo (duty): chọn một chế độ báo cáo / choose a reporting duty");
            return "redirect:/app/reporting";
        }
        String planId = Pages.requireId(parts[0]);
        List<EvidenceRef> evidence = files.fromForm(documentNumber, file, PlatformUser.current().username());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("obligationId", parts[1]);
        body.put("period", period);
        body.put("agencyId", agencyId);
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        body.put("evidence", evidence);
        CommandClient.Answer answer = commands.post("/api/plans/" + planId + "/periodic-reports", body);
        if (answer.accepted()) {
            flash.addFlashAttribute("message", "Đã gửi báo cáo kỳ " + period + " / Periodic report for " + period + " sent");
        } else {
            flash.addFlashAttribute("error", ReportForms.refusal(answer));
        }
        return "redirect:/app/reporting?planId=" + planId;
    }
}
