package vn.tiendo.command.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.command.task.TaskCommands.ApproveTaskReport;
import vn.tiendo.command.task.TaskCommands.AssignTask;
import vn.tiendo.command.task.TaskCommands.CancelTask;
import vn.tiendo.command.task.TaskCommands.CompleteTask;
import vn.tiendo.command.task.TaskCommands.ReassignTask;
import vn.tiendo.command.task.TaskCommands.ReportTaskProgress;
import vn.tiendo.command.task.TaskCommands.ReviseTaskDeadline;
import vn.tiendo.command.web.CommandAccepted;
import vn.tiendo.command.web.CommandDispatcher;
import vn.tiendo.command.web.Ids;
import vn.tiendo.command.web.ReasonRequest;
import vn.tiendo.command.web.ReassignRequest;
import vn.tiendo.command.web.VersionOnly;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.TaskDeadline;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.events.common.TextRules;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Nhiệm vụ / Tasks")
public class TaskController {

    public record AssignTaskRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String taskId,
                                    @NotBlank @Size(max = TextRules.MAX_ID) String planId, @NotBlank @Size(max = TextRules.MAX_NAME) String content,
                                    @NotBlank @Size(max = TextRules.MAX_ID) String leadAgencyId,
                                    @Size(max = TextRules.MAX_ITEMS) List<@Size(max = TextRules.MAX_ID) String> coordinatingAgencyIds,
                                    @NotNull @Valid TaskDeadline deadline, @Size(max = TextRules.MAX_NOTE) String expectedProduct,
                                    @Size(max = 10) List<@NotBlank @Size(max = TextRules.MAX_LABEL) String> groupPath) {
    }

    public record ReviseDeadlineRequest(Long expectedVersion, @NotNull @Valid TaskDeadline newDeadline,
                                        @NotBlank @Size(max = TextRules.MAX_NOTE) String reason,
                                        @Size(max = TextRules.MAX_LABEL) String decisionReference) {
    }

    public record TaskReportRequest(Long expectedVersion, @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String reportId,
                                @NotNull Period period, @NotNull @Min(0) @Max(100) Integer percentComplete,
                                @Size(max = TextRules.MAX_NOTE) String note, @Size(max = 20) List<@Valid EvidenceRef> evidence) {
    }

    public record CompleteRequest(Long expectedVersion, @NotNull LocalDate completedOn, @Size(max = TextRules.MAX_NOTE) String product,
                                  @Size(max = 20) List<@Valid EvidenceRef> evidence) {
    }

    private final CommandDispatcher dispatcher;
    private final Registry registry;

    public TaskController(CommandDispatcher dispatcher, Registry registry) {
        this.dispatcher = dispatcher;
        this.registry = registry;
    }

    @PostMapping
    @Operation(summary = "Assign a task of a plan to a lead agency, with coordinators, deadline and expected product")
    public ResponseEntity<CommandAccepted> assign(@Valid @RequestBody AssignTaskRequest body, HttpServletRequest http) {
        registry.requirePlan(body.planId(), "planId");
        registry.requireAgency(body.leadAgencyId(), "leadAgencyId");
        registry.requireAgencies(body.coordinatingAgencyIds(), "coordinatingAgencyIds");
        String taskId = Ids.orNew(body.taskId());
        return dispatcher.create(http, body, taskId, new AssignTask(taskId, body.planId(), body.content(), body.leadAgencyId(),
                body.coordinatingAgencyIds(), body.deadline(), body.expectedProduct(), body.groupPath()));
    }

    @PostMapping("/{taskId}/reassignments")
    @Operation(summary = "Give the task to another lead agency from a date")
    public ResponseEntity<CommandAccepted> reassign(@PathVariable String taskId, @Valid @RequestBody ReassignRequest body,
                                                    HttpServletRequest http) {
        registry.requireAgency(body.toAgencyId(), "toAgencyId");
        return dispatcher.update(http, body, taskId, new ReassignTask(taskId, body.expectedVersion(), body.toAgencyId(),
                body.reason(), body.effectiveDate()), body.reason());
    }

    @PostMapping("/{taskId}/deadline-revisions")
    @Operation(summary = "Move the deadline, with a reason and the deciding document")
    public ResponseEntity<CommandAccepted> reviseDeadline(@PathVariable String taskId, @Valid @RequestBody ReviseDeadlineRequest body,
                                                          HttpServletRequest http) {
        return dispatcher.update(http, body, taskId, new ReviseTaskDeadline(taskId, body.expectedVersion(), body.newDeadline(),
                body.reason(), body.decisionReference()), body.reason());
    }

    @PostMapping("/{taskId}/reports")
    @Operation(summary = "Report how far the task has come (0-100%) in a period")
    public ResponseEntity<CommandAccepted> report(@PathVariable String taskId, @Valid @RequestBody TaskReportRequest body,
                                                  HttpServletRequest http) {
        String reportId = Ids.orNew(body.reportId());
        boolean approved = ScopePolicy.reportApprovedAsSent(PlatformUser.current());
        return dispatcher.report(http, body, taskId, reportId, new ReportTaskProgress(taskId, body.expectedVersion(), reportId,
                body.period(), body.percentComplete(), body.note(), body.evidence(), approved));
    }

    @PostMapping("/{taskId}/reports/{reportId}/approval")
    @Operation(summary = "Approve a draft progress report (head of the agency): its period is then locked")
    public ResponseEntity<CommandAccepted> approve(@PathVariable String taskId, @PathVariable String reportId,
                                                   @Valid @RequestBody VersionOnly version, HttpServletRequest http) {
        return dispatcher.update(http, version, taskId, new ApproveTaskReport(taskId, version.expectedVersion(), reportId), null);
    }

    @PostMapping("/{taskId}/completion")
    @Operation(summary = "Complete the task with its product and evidence")
    public ResponseEntity<CommandAccepted> complete(@PathVariable String taskId, @Valid @RequestBody CompleteRequest body,
                                                    HttpServletRequest http) {
        return dispatcher.update(http, body, taskId, new CompleteTask(taskId, body.expectedVersion(), body.completedOn(),
                body.product(), body.evidence()), null);
    }

    @PostMapping("/{taskId}/cancellation")
    @Operation(summary = "Cancel the task, with a reason")
    public ResponseEntity<CommandAccepted> cancel(@PathVariable String taskId, @Valid @RequestBody ReasonRequest body,
                                                  HttpServletRequest http) {
        return dispatcher.update(http, body, taskId, new CancelTask(taskId, body.expectedVersion(), body.reason()), body.reason());
    }
}
