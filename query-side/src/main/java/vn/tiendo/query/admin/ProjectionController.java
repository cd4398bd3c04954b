package vn.tiendo.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Quản trị / Administration")
public class ProjectionController {

    private final Projections projections;

    public ProjectionController(Projections projections) {
        this.projections = projections;
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
    public Map<String, Object> retryParked() {
        return Map.of("appliedSequences", projections.retryParked(), "stillParked", projections.parked().size());
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Clear the projections and replay all events into them; poll GET until caughtUp")
    public ResponseEntity<Map<String, Projections.ProcessorState>> rebuild() {
        projections.rebuild();
        return ResponseEntity.accepted().body(projections.states());
    }
}
