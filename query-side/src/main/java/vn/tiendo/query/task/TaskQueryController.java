package vn.tiendo.query.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;

import vn.tiendo.query.web.Page;

import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Nhiệm vụ / Tasks")
public class TaskQueryController {

    private final TaskQueries queries;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public TaskQueryController(TaskQueries queries, AsOf asOf, ScopePolicy scopePolicy) {
        this.queries = queries;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping
    @Operation(summary = "Tasks with holder, coordinators, deadline, progress and status; agencyId matches lead or coordinator")
    public Page<TaskView> list(@RequestParam(required = false) String planId,
                               @RequestParam(required = false) String agencyId,
                               @RequestParam(required = false) TaskStatus status,
                               @RequestParam(required = false) String asOf,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        Page.Request request = new Page.Request(page, size);
        return queries.page(new TaskQueries.Filter(planId, agencyId, status), scopePolicy.current(), this.asOf.parse(asOf), request);
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "One task with its status")
    public TaskView get(@PathVariable String taskId, @RequestParam(required = false) String asOf) {
        TaskView task = queries.get(taskId, this.asOf.parse(asOf));
        List<String> agencies = new ArrayList<>(task.coordinatingAgencyIds());
        agencies.add(task.leadAgencyId());
        if (!scopePolicy.current().includesAny(agencies)) {
            throw new NotFound("task", taskId);
        }
        return task;
    }

    @GetMapping("/{taskId}/shares")
    @Operation(summary = "A task that is a member's share of a row assigned to a group: every member's share of that row the reader sees")
    public List<TaskView> shares(@PathVariable String taskId, @RequestParam(required = false) String asOf) {
        AsOf.Moment at = this.asOf.parse(asOf);
        return queries.shares(get(taskId, asOf), scopePolicy.current(), at);
    }
}
