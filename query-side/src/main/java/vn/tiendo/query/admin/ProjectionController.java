package vn.tiendo.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.events.common.TextRules;
import vn.tiendo.query.web.NotFound;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Quản trị / Administration")
public class ProjectionController {

    private final Projections projections;
    private final AdminActions actions;
    private final ProjectionRebuild rebuilds;

    public ProjectionController(Projections projections, AdminActions actions, ProjectionRebuild rebuilds) {
        this.projections = projections;
        this.actions = actions;
        this.rebuilds = rebuilds;
    }

    /** Which record's parked events to give up on in which projection, and why (kept with the act). */
    public record EvictionRequest(@NotBlank @Size(max = 64) String projection, @NotBlank @Size(max = TextRules.MAX_ID * 3) String aggregateId,
                                  @NotBlank @Size(max = TextRules.MAX_NOTE) String reason) {
    }

    @GetMapping
    @Operation(summary = "Each projection's processor: running, caught up, replaying, position in the event stream")
    public Map<String, Projections.ProcessorState> states() {
        return projections.states();
    }

    @GetMapping("/parked-events")
    @Operation(summary = "Events a projection could not apply, parked with the reason (with every later event of the same record)")
    public List<Projections.ParkedEvent> parked() {
        return projections.parked();
    }

    @PostMapping("/parked-events/retry")
    @Operation(summary = "Apply the parked events again (after a fix): what applies now leaves the list")
    public AdminActions.Retried retryParked() {
        return actions.retry();
    }

    @PostMapping("/parked-events/eviction")
    @Operation(summary = "Give up on a record's parked events in one projection, with a reason: they leave the queue unapplied "
            + "(the events stay in the store), the record projects again from its next event; recorded as an administrator's act")
    public Map<String, Object> evict(@Valid @RequestBody EvictionRequest body) {
        List<String> evicted = actions.evict(body.projection(), body.aggregateId(), body.reason());
        if (evicted.isEmpty()) {
            throw new NotFound("parked events of " + body.aggregateId() + " in projection", body.projection());
        }
        return Map.of("evicted", evicted, "stillParked", projections.parked().size());
    }

    @GetMapping("/actions")
    @Operation(summary = "What administrators did to the projections, latest first: retries, evictions (with reason), rebuilds")
    public List<AdminActions.Action> adminActions() {
        return actions.latest(200);
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild every projection from the events into new tables while the live ones keep answering, then switch; "
            + "202 with the progress (poll GET /rebuild until stage DONE), 409 while one runs")
    public ResponseEntity<ProjectionRebuild.Progress> rebuild() {
        return ResponseEntity.accepted().body(actions.rebuild());
    }

    @GetMapping("/rebuild")
    @Operation(summary = "The running or last rebuild: stage, position and head of the event stream, events/s, seconds left, "
            + "how long the projections paused for the switch")
    public ProjectionRebuild.Progress rebuildProgress() {
        return rebuilds.progress();
    }
}
