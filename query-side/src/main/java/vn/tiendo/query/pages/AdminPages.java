package vn.tiendo.query.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tiendo.events.common.TextRules;
import vn.tiendo.query.admin.AdminActions;
import vn.tiendo.query.admin.ProjectionRebuild;
import vn.tiendo.query.admin.Projections;
import vn.tiendo.query.web.AsOf;

import java.util.List;

/**
 * The administrator's page of the projections: each processor's progress, the events parked with their reason, and
 * what administrators did about them. Retry and evict go through the same code as the API and are recorded alike.
 */
@Controller
public class AdminPages {

    private final Projections projections;
    private final AdminActions actions;
    private final ProjectionRebuild rebuilds;
    private final AsOf asOf;

    public AdminPages(Projections projections, AdminActions actions, ProjectionRebuild rebuilds, AsOf asOf) {
        this.projections = projections;
        this.actions = actions;
        this.rebuilds = rebuilds;
        this.asOf = asOf;
    }

    @GetMapping("/app/admin")
    public String admin(Model model) {
        model.addAttribute("states", projections.states());
        model.addAttribute("parked", projections.parked());
        model.addAttribute("actions", actions.latest(50));
        ProjectionRebuild.Progress rebuild = rebuilds.progress();
        model.addAttribute("rebuild", rebuild);
        model.addAttribute("rebuilding", List.of(ProjectionRebuild.Stage.PREPARING, ProjectionRebuild.Stage.REPLAYING,
                ProjectionRebuild.Stage.SWITCHING).contains(rebuild.stage()));
        return Pages.common(model, null, asOf, "admin");
    }

    /** Starts a rebuild (the page shows its progress when reloaded); refused while one runs. */
    @PostMapping("/app/admin/rebuild")
    public String rebuild(RedirectAttributes flash) {
        try {
            actions.rebuild();
            flash.addFlashAttribute("message", "Đã bắt đầu dựng lại; các bảng vẫn trả lời trong lúc dựng / Rebuild started; the projections "
                    + "keep answering meanwhile");
        } catch (ProjectionRebuild.AlreadyRunning running) {
            flash.addFlashAttribute("error", "Đang dựng lại / A rebuild is running");
        }
        return "redirect:/app/admin";
    }

    @PostMapping("/app/admin/parked-events/retry")
    public String retry(RedirectAttributes flash) {
        AdminActions.Retried retried = actions.retry();
        flash.addFlashAttribute("message", "Đã thử lại: " + retried.appliedSequences() + " chuỗi áp dụng được, còn " + retried.stillParked()
                + " sự kiện chờ / Retried: " + retried.appliedSequences() + " sequence(s) applied, " + retried.stillParked() + " event(s) still parked");
        return "redirect:/app/admin";
    }

    @PostMapping("/app/admin/parked-events/eviction")
    public String evict(@RequestParam String projection, @RequestParam String aggregateId, @RequestParam(required = false) String reason,
                        RedirectAttributes flash) {
        if (reason == null || reason.isBlank() || reason.length() > TextRules.MAX_NOTE || TextRules.violationOf(reason).isPresent()) {
            flash.addFlashAttribute("error", "Lý do (reason): hãy ghi lý do bỏ qua các sự kiện này / give the reason for giving these events up");
            return "redirect:/app/admin";
        }
        List<String> evicted = actions.evict(projection, aggregateId, reason.strip());
        if (evicted.isEmpty()) {
            flash.addFlashAttribute("error", "Không có sự kiện chờ nào của " + aggregateId + " / nothing of " + aggregateId + " is parked there");
            return "redirect:/app/admin";
        }
        flash.addFlashAttribute("message", "Đã bỏ qua " + evicted.size() + " sự kiện của " + aggregateId + " / " + evicted.size()
                + " event(s) of " + aggregateId + " given up");
        return "redirect:/app/admin";
    }
}
