package vn.tiendo.query.rollup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.indicator.IndicatorView;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;
import vn.tiendo.query.web.QueryParams;


@RestController
@Tag(name = "Chỉ tiêu / Indicators")
public class RollUpController {

    private final RollUps rollUps;
    private final IndicatorQueries indicators;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public RollUpController(RollUps rollUps, IndicatorQueries indicators, AsOf asOf, ScopePolicy scopePolicy) {
        this.rollUps = rollUps;
        this.indicators = indicators;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/api/indicators/{indicatorId}/roll-up")
    @Operation(summary = "The indicator's figure built by its roll-up rule from the indicators implementing it, level by level down to "
            + "the reports, beside its own reported figure (mismatch flagged); period (default: the latest reported below), asOf")
    public RollUpView rollUp(@PathVariable String indicatorId, @RequestParam(required = false) String period,
                             @RequestParam(required = false) String asOf) {
        AsOf.Moment at = this.asOf.parse(asOf);
        IndicatorView.Status indicator = indicators.get(indicatorId, null, at);
        if (!indicator.seenBy(scopePolicy.current())) {
            throw new NotFound("indicator", indicatorId);
        }
        return rollUps.of(indicatorId, QueryParams.period(period, "period"), scopePolicy.current(), at);
    }
}
