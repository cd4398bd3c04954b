package vn.tiendo.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.query.web.BadQuery;
import vn.tiendo.events.common.Period;
import vn.tiendo.platform.web.ProblemDetails;
import vn.tiendo.query.web.Page;
import vn.tiendo.query.web.QueryParams;

import java.time.Clock;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Kiểm toán / Audit")
public class AuditController {

    private final TamperEvidence tamperEvidence;
    private final AuditQueries queries;
    private final AnomalyDetector anomalies;
    private final Clock clock;

    public AuditController(TamperEvidence tamperEvidence, AuditQueries queries, AnomalyDetector anomalies, Clock clock) {
        this.tamperEvidence = tamperEvidence;
        this.queries = queries;
        this.anomalies = anomalies;
        this.clock = clock;
    }

    @GetMapping("/anomalies")
    @Operation(summary = "Flags computed from the history (targets lowered after a shortfall, late reports and corrections, "
            + "reassignments just before a deadline, many corrections by one actor), each with the events behind it")
    public List<AnomalyDetector.Anomaly> anomalies(@RequestParam(required = false) String aggregateId,
                                                   @RequestParam(required = false) AnomalyRule rule) {
        return anomalies.detect(aggregateId).stream().filter(a -> rule == null || a.rule() == rule).toList();
    }

    @GetMapping("/log")
    @Operation(summary = "Every change across the platform, newest first: filter by actor, agencyId (acted for), eventType, "
            + "aggregateId and recorded time [from, to); format=csv for Excel")
    public Page<AuditQueries.LogEntry> log(@RequestParam(required = false) String actor,
                                                              @RequestParam(required = false) String agencyId,
                                                              @RequestParam(required = false) String eventType,
                                                              @RequestParam(required = false) String aggregateId,
                                                              @RequestParam(required = false) String from,
                                                              @RequestParam(required = false) String to,
                                                              @RequestParam(defaultValue = "0") int page,
                                                              @RequestParam(defaultValue = "50") int size) {
        return queries.log(actor, agencyId, eventType, aggregateId, QueryParams.startInstant(from, "from", clock.getZone()),
                QueryParams.instant(to, "to", clock.getZone()), page, size);
    }

    @GetMapping("/history/{aggregateId}")
    @Operation(summary = "The history of one plan, agency, indicator or task: each event with who, for whom, when, why, "
            + "evidence and the fields it changed (old → new); ?period=2025-12 keeps the events behind that period's number")
    public List<AuditQueries.HistoryEntry> history(@PathVariable String aggregateId,
                                                   @RequestParam(required = false) String period) {
        // with a period: the events behind one number on a dashboard (its reports and corrections, and the
        // definitions, revisions and reassignments that set its target and holder)
        Period asked = QueryParams.period(period, "period");
        return queries.history(aggregateId).stream()
                .filter(e -> asked == null || e.period() == null || e.period().equals(asked.code())
                        || e.changes().stream().anyMatch(c -> c.field().endsWith("[" + asked.start().getYear() + "]")))
                .toList();
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute each event's hash and chain, the checkpoints and the witness file: from where the last intact "
            + "verification stopped (mode=incremental, the default) or every event (mode=full); optionally check a published "
            + "checkpoint (upToGlobalIndex, merkleRoot, eventCount). Names the first broken link.")
    public TamperEvidence.Report verify(@RequestParam(required = false) Long upToGlobalIndex,
                                        @RequestParam(required = false) String merkleRoot,
                                        @RequestParam(required = false) Long eventCount,
                                        @RequestParam(defaultValue = "incremental") String mode) {
        if (!mode.equals("incremental") && !mode.equals("full")) {
            throw new BadQuery("mode", "«" + mode + "» is not a verification mode: incremental or full");
        }
        return tamperEvidence.verify(upToGlobalIndex, merkleRoot, eventCount, mode.equals("full"));
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Make a checkpoint now: the Merkle root over all event hashes, to publish outside the platform")
    public ResponseEntity<Object> checkpoint() {
        try {
            TamperEvidence.Checkpoint c = tamperEvidence.checkpoint();
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("checkpoint", c, "statement", c.statement()));
        } catch (TamperEvidence.ChainBroken e) {
            return ProblemDetails.answer(ProblemDetails.problem(HttpStatus.CONFLICT, "chain-broken",
                    "Chuỗi sự kiện bị phá vỡ / Event chain broken", e.getMessage()));
        }
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "The latest checkpoints")
    public List<TamperEvidence.Checkpoint> checkpoints(@RequestParam(defaultValue = "30") int count) {
        return tamperEvidence.latest(Math.max(1, Math.min(count, 1000)));
    }
}
