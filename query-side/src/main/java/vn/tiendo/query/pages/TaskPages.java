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
import vn.tiendo.query.audit.AuditQueries;
import vn.tiendo.query.directory.DirectoryQueries;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.task.TaskQueries;
import vn.tiendo.query.task.TaskView;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task's page: its deadline, progress and status, its history (reassignments, deadline revisions, reports) for the
 * audit roles, and the forms of those who act on it — progress reports, approval, completion, and for the
 * coordinating department a deadline revision or a reassignment. The command side decides each.
 */
@Controller
public class TaskPages {

    private final TaskQueries tasks;
    private final AuditQueries audit;
    private final DirectoryQueries directory;
    private final CommandClient commands;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public TaskPages(TaskQueries tasks, AuditQueries audit, DirectoryQueries directory, CommandClient commands, AsOf asOf,
                     ScopePolicy scopePolicy) {
        this.tasks = tasks;
        this.audit = audit;
        this.directory = directory;
        this.commands = commands;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/app/tasks/{taskId}")
    public String task(@PathVariable String taskId, @RequestParam(required = false) String asOf, Model model) {
        AsOf.Moment at = this.asOf.parse(asOf);
        TaskView task = visible(taskId, at);
        PlatformUser user = PlatformUser.current();
        boolean open = at.isNow() && task.status() != TaskStatus.COMPLETED && task.status() != TaskStatus.COMPLETED_LATE
                && task.status() != TaskStatus.CANCELLED;
        boolean acts = open && scopePolicy.current().includes(task.leadAgencyId());
        model.addAttribute("task", task);
        model.addAttribute("shares", tasks.shares(task, scopePolicy.current(), at));
        model.addAttribute("mayReport", acts && has(user, Role.OFFICER, Role.HEAD, Role.COORDINATOR));
        model.addAttribute("mayApprove", acts && has(user, Role.HEAD, Role.COORDINATOR) && task.lastReportId() != null && !task.lastReportApproved());
        model.addAttribute("mayComplete", acts && has(user, Role.HEAD, Role.COORDINATOR));
        boolean coordinates = open && has(user, Role.COORDINATOR);
        model.addAttribute("mayRevise", coordinates);
        if (coordinates) {
            model.addAttribute("agencies", directory.agencies(null, null));
        }
        if (has(user, Pages.AUDIT_READERS.toArray(Role[]::new))) {
            model.addAttribute("history", audit.history(taskId).stream()
                    .filter(e -> at.isNow() || !Instant.parse(e.recordedAt()).isAfter(at.instant())).toList());
        }
        return Pages.common(model, asOf, this.asOf, "task");
    }

    @PostMapping("/app/tasks/{taskId}/reports")
    public String report(@PathVariable String taskId, @RequestParam String period, @RequestParam String percentComplete,
                         @RequestParam(required = false) String note, RedirectAttributes flash) {
        TaskView task = visible(taskId, AsOf.Moment.NOW);
        Integer percent = parsePercent(percentComplete);
        if (percent == null) {
            flash.addFlashAttribute("error", "Tiến độ (percentComplete): «" + percentComplete + "» không phải số nguyên 0–100 / not a whole number 0–100");
            return back(task);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period);
        body.put("percentComplete", percent);
        body.put("note", blankToNull(note));
        return send(flash, task, "/reports", body, "Đã gửi báo cáo tiến độ / Progress sent");
    }

    @PostMapping("/app/tasks/{taskId}/reports/{reportId}/approval")
    public String approve(@PathVariable String taskId, @PathVariable String reportId, @RequestParam long expectedVersion, RedirectAttributes flash) {
        TaskView task = visible(taskId, AsOf.Moment.NOW);
        return send(flash, task, "/reports/" + Pages.requireId(reportId) + "/approval", Map.of("expectedVersion", expectedVersion), "Đã phê duyệt / Approved");
    }

    @PostMapping("/app/tasks/{taskId}/completion")
    public String complete(@PathVariable String taskId, @RequestParam String completedOn, @RequestParam(required = false) String product,
                           RedirectAttributes flash) {
        TaskView task = visible(taskId, AsOf.Moment.NOW);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("completedOn", completedOn);
        body.put("product", blankToNull(product));
        return send(flash, task, "/completion", body, "Đã ghi nhận hoàn thành / Completed");
    }

    @PostMapping("/app/tasks/{taskId}/deadline-revisions")
    public String reviseDeadline(@PathVariable String taskId, @RequestParam String dueDate, @RequestParam(required = false) String asWritten,
                                 @RequestParam String reason, @RequestParam(required = false) String decisionReference, RedirectAttributes flash) {
        TaskView task = visible(taskId, AsOf.Moment.NOW);
        Map<String, Object> deadline = new LinkedHashMap<>();
        deadline.put("dueDate", dueDate);
        deadline.put("asWritten", asWritten == null || asWritten.isBlank() ? dueDate : asWritten);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("newDeadline", deadline);
        body.put("reason", reason);
        body.put("decisionReference", blankToNull(decisionReference));
        return send(flash, task, "/deadline-revisions", body, "Đã điều chỉnh thời hạn / Deadline revised");
    }

    @PostMapping("/app/tasks/{taskId}/reassignments")
    public String reassign(@PathVariable String taskId, @RequestParam String toAgencyId, @RequestParam String reason,
                           @RequestParam String effectiveDate, RedirectAttributes flash) {
        TaskView task = visible(taskId, AsOf.Moment.NOW);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toAgencyId", toAgencyId);
        body.put("reason", reason);
        body.put("effectiveDate", effectiveDate);
        return send(flash, task, "/reassignments", body, "Đã giao lại cho " + toAgencyId + " / Reassigned");
    }

    private String send(RedirectAttributes flash, TaskView task, String step, Map<String, Object> body, String done) {
        CommandClient.Answer answer = commands.post("/api/tasks/" + task.taskId() + step, body);
        if (answer.accepted()) {
            flash.addFlashAttribute("message", done);
        } else {
            flash.addFlashAttribute("error", ReportForms.refusal(answer));
        }
        return back(task);
    }

    /** Seeing a task needs its lead or a coordinating agency in scope; otherwise it does not exist for the user. */
    private TaskView visible(String taskId, AsOf.Moment at) {
        TaskView task = tasks.get(taskId, at);
        List<String> involved = new ArrayList<>(task.coordinatingAgencyIds() == null ? List.of() : task.coordinatingAgencyIds());
        involved.add(task.leadAgencyId());
        Scope scope = scopePolicy.current();
        if (!scope.includesAny(involved)) {
            throw new NotFound("task", taskId);
        }
        return task;
    }

    private static Integer parsePercent(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value < 0 || value > 100 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static boolean has(PlatformUser user, Role... roles) {
        return Set.of(roles).stream().anyMatch(user::has);
    }

    private static String back(TaskView task) {
        return "redirect:/app/tasks/" + task.taskId();
    }
}
