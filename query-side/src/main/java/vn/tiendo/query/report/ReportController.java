package vn.tiendo.query.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.AccessDeniedException;
import vn.tiendo.events.common.Period;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.query.directory.DirectoryQueries;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.BadQuery;
import vn.tiendo.query.web.NotFound;
import vn.tiendo.query.web.QueryParams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "Báo cáo / Reports")
public class ReportController {

    /** Excel's media type, for every sheet the query side serves. */
    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MonthlyReport report;
    private final DirectoryQueries directory;
    private final Clock clock;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public ReportController(MonthlyReport report, DirectoryQueries directory, Clock clock, AsOf asOf, ScopePolicy scopePolicy) {
        this.report = report;
        this.directory = directory;
        this.clock = clock;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/monthly.xlsx")
    @Operation(summary = "The periodic report as XLSX for a period (2026-10), for a plan, an agency or the whole province; "
            + "asOf (2026-11-20 or an ISO instant) gives the figures as recorded then")
    public ResponseEntity<byte[]> monthly(@RequestParam String period, @RequestParam(required = false) String planId,
                                          @RequestParam(required = false) String agencyId, @RequestParam(required = false) String asOf) {
        Period reportPeriod = QueryParams.period(period, "period");
        if (reportPeriod == null) {
            throw new BadQuery("period", "period is required, e.g. 2026-10");
        }
        AsOf.Moment at = this.asOf.parse(asOf);
        Scope userScope = scopePolicy.current();
        if (!userScope.isAll() && (agencyId == null || !userScope.includes(agencyId))) {
            // officers and heads draw their own agency's report (a head also its children's), never the province's
            throw new AccessDeniedException("report outside the user's agencies");
        }
        String scope = agencyId != null ? "Cơ quan: " + directory.agency(agencyId).name()
                : planId != null ? "Kế hoạch: " + directory.plans().stream().filter(p -> p.planId().equals(planId)).findFirst()
                .map(p -> p.documentNumber() + " – " + p.title()).orElseThrow(() -> new NotFound("plan", planId))
                : "Toàn tỉnh";
        byte[] body = report.xlsx(reportPeriod, planId, agencyId, at, clock.instant(), clock.getZone(), scope);
        String fileName = "bao-cao-" + reportPeriod.code() + (agencyId != null ? "-" + agencyId : planId != null ? "-" + planId : "") + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
