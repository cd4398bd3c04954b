package vn.tiendo.query.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;
import vn.tiendo.query.web.Page;
import vn.tiendo.query.web.QueryParams;

import java.util.List;

@RestController
@RequestMapping("/api/indicators")
@Tag(name = "Chỉ tiêu / Indicators")
public class IndicatorQueryController {

    private final IndicatorQueries queries;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public IndicatorQueryController(IndicatorQueries queries, AsOf asOf, ScopePolicy scopePolicy) {
        this.queries = queries;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping
    @Operation(summary = "Indicators with their latest value (or the value for ?period=2026-03), target in force and status; "
            + "asOf (a date or instant) shows them as recorded then; after=<indicatorId> (a page's next) pages by cursor")
    public Page<IndicatorView.Status> list(@RequestParam(required = false) String planId,
                                           @RequestParam(required = false) String agencyId,
                                           @RequestParam(required = false) IndicatorStatus status,
                                           @RequestParam(required = false) String period,
                                           @RequestParam(required = false) String asOf,
                                           @RequestParam(required = false) String after,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        Page.Request request = new Page.Request(page, size);
        return queries.page(new IndicatorQueries.Filter(planId, agencyId, status, QueryParams.period(period, "period")),
                scopePolicy.current(), this.asOf.parse(asOf), request, after);
    }

    @GetMapping("/{indicatorId}")
    @Operation(summary = "One indicator with its status")
    public IndicatorView.Status get(@PathVariable String indicatorId, @RequestParam(required = false) String period,
                                    @RequestParam(required = false) String asOf) {
        return visible(queries.get(indicatorId, QueryParams.period(period, "period"), this.asOf.parse(asOf)));
    }

    @GetMapping("/{indicatorId}/series")
    @Operation(summary = "The time series: one row per reported period with value, target, status, who reported and corrections")
    public List<IndicatorView.SeriesPoint> series(@PathVariable String indicatorId, @RequestParam(required = false) String asOf) {
        visible(queries.get(indicatorId, null, this.asOf.parse(asOf)));
        return queries.series(indicatorId, this.asOf.parse(asOf));
    }

    /** Outside the user's agencies an indicator does not exist for them. */
    private IndicatorView.Status visible(IndicatorView.Status indicator) {
        if (!indicator.seenBy(scopePolicy.current())) {
            throw new NotFound("indicator", indicator.indicatorId());
        }
        return indicator;
    }
}
