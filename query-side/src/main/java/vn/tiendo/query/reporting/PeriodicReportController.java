package vn.tiendo.query.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.events.common.Period;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.QueryParams;

import java.util.List;

@RestController
@RequestMapping("/api/reporting")
@Tag(name = "Báo cáo định kỳ / Periodic reports")
public class PeriodicReportController {

    private final PeriodicReports reports;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public PeriodicReportController(PeriodicReports reports, AsOf asOf, ScopePolicy scopePolicy) {
        this.reports = reports;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/duties")
    @Operation(summary = "The plans' reporting duties (chế độ báo cáo) as declared: who reports to whom, how often, by which day")
    public List<PeriodicReports.Duty> duties(@RequestParam(required = false) String planId, @RequestParam(required = false) String asOf) {
        return reports.duties(planId, this.asOf.parse(asOf));
    }

    @GetMapping("/periodic-reports")
    @Operation(summary = "Every periodic report owed from..to (periods such as 2025 or 2025-06; default: the plans' whole periods), "
            + "by agency: due day, when it came, on time / late / missing / not yet due, as recorded at asOf. Officers and heads "
            + "see what their agencies send or receive")
    public PeriodicReports.Calendar calendar(@RequestParam(required = false) String planId, @RequestParam(required = false) String agencyId,
                                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String asOf) {
        Period first = QueryParams.period(from, "from");
        Period last = QueryParams.period(to, "to");
        return reports.calendar(planId, agencyId, first == null ? null : first.start(), last == null ? null : last.end(),
                scopePolicy.current(), this.asOf.parse(asOf));
    }
}
