package vn.tiendo.query.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.Page;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Nhiệm vụ / Tasks")
public class TaskQueryController {

    private final TaskQueries queries;
    private final AsOf asOf;

    public TaskQueryController(TaskQueries queries, AsOf asOf) {
        this.queries = queries;
        this.asOf = asOf;
    }

    @GetMapping
    @Operation(summary = "Tasks with holder, coordinators, deadline, progress and status; agencyId matches lead or coordinator")
    public Page<TaskView> list(@RequestParam(required = false) String planId,
                               @RequestParam(required = false) String agencyId,
                               @RequestParam(required = false) TaskStatus status,
                               @RequestParam(required = false) String asOf,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        return Page.of(queries.list(planId, agencyId, status, this.asOf.parse(asOf)), page, size);
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "One task with its status")
    public TaskView get(@PathVariable String taskId, @RequestParam(required = false) String asOf) {
        return queries.get(taskId, this.asOf.parse(asOf));
    }
}
