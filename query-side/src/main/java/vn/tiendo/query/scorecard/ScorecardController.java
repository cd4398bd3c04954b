package vn.tiendo.query.scorecard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.BadQuery;
import vn.tiendo.query.web.NotFound;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
@RequestMapping("/api/scorecards")
@Tag(name = "Trách nhiệm người đứng đầu / Accountability")
public class ScorecardController {

    private final Scorecards scorecards;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public ScorecardController(Scorecards scorecards, AsOf asOf, ScopePolicy scopePolicy) {
        this.scorecards = scorecards;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/agencies/{agencyId}")
    @Operation(summary = "An agency's scorecard for the months from..to (default: this year to the current month), as recorded "
            + "at asOf: reports on time / late / missing, tasks due on time / late / overdue, indicators by status, the score, "
            + "and every item behind the figures")
    public Scorecards.AgencyScorecard agency(@PathVariable String agencyId, @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        visible(agencyId);
        AsOf.Moment at = this.asOf.parse(asOf);
        YearMonth last = month(to, "to", YearMonth.from(this.asOf.today(at)));
        return scorecards.agency(agencyId, month(from, "from", YearMonth.of(last.getYear(), 1)), last, at);
    }

    @GetMapping("/agencies/{agencyId}/heads")
    @Operation(summary = "One scorecard per head of the agency over the part of the months from..to they led: what fell due "
            + "between their first and last day")
    public List<Scorecards.HeadScorecard> heads(@PathVariable String agencyId, @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        visible(agencyId);
        AsOf.Moment at = this.asOf.parse(asOf);
        YearMonth last = month(to, "to", YearMonth.from(this.asOf.today(at)));
        return scorecards.heads(agencyId, month(from, "from", YearMonth.of(2025, 1)), last, at);
    }

    @GetMapping("/ranking")
    @Operation(summary = "The province's agencies ranked by score over the months from..to, as recorded at asOf")
    public List<Scorecards.RankedAgency> ranking(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String asOf) {
        AsOf.Moment at = this.asOf.parse(asOf);
        YearMonth last = month(to, "to", YearMonth.from(this.asOf.today(at)));
        return scorecards.ranking(month(from, "from", YearMonth.of(last.getYear(), 1)), last, at);
    }

    @GetMapping("/overdue")
    @Operation(summary = "Everything overdue now (or at asOf): missing reports and overdue tasks, by agency, oldest first; "
            + "officers and heads see their own agencies")
    public List<Scorecards.AgencyOverdue> overdue(@RequestParam(required = false) String asOf) {
        return scorecards.overdue(scopePolicy.current(), this.asOf.parse(asOf));
    }

    private void visible(String agencyId) {
        if (!scopePolicy.current().includes(agencyId)) {
            throw new NotFound("agency", agencyId);
        }
    }

    private static YearMonth month(String value, String parameter, YearMonth otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQuery(parameter, "must be a month such as 2025-09");
        }
    }
}
