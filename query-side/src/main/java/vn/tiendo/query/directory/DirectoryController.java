package vn.tiendo.query.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tiendo.events.common.AgencyKind;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;
import vn.tiendo.query.web.Page;

import java.util.List;

@RestController
@Tag(name = "Kế hoạch và cơ quan / Plans and agencies")
public class DirectoryController {

    private final DirectoryQueries queries;
    private final AsOf asOf;
    private final ScopePolicy scopePolicy;

    public DirectoryController(DirectoryQueries queries, AsOf asOf, ScopePolicy scopePolicy) {
        this.queries = queries;
        this.asOf = asOf;
        this.scopePolicy = scopePolicy;
    }

    @GetMapping("/api/plans")
    @Operation(summary = "The registered plans")
    public List<DirectoryQueries.PlanView> plans() {
        return queries.plans();
    }

    @GetMapping("/api/agencies")
    @Operation(summary = "Agencies, by kind or parent")
    public Page<DirectoryQueries.AgencyView> agencies(@RequestParam(required = false) AgencyKind kind,
                                                      @RequestParam(required = false) String parentAgencyId,
                                                      @RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "50") int size) {
        return Page.of(queries.agencies(kind, parentAgencyId), page, size);
    }

    @GetMapping("/api/agency-groups")
    @Operation(summary = "Collective assignees (\"UBND các phường\"): each group's owner and members; agencyId: the groups it answers for or belongs to")
    public List<DirectoryQueries.GroupView> groups(@RequestParam(required = false) String agencyId) {
        return queries.groups(agencyId);
    }

    @GetMapping("/api/agencies/{agencyId}/changes")
    @Operation(summary = "How the agency changed: renamed, moved under another, merged into another (and mergers into it), each from a "
            + "date by a decision; asOf shows those recorded by then")
    public List<DirectoryQueries.AgencyChange> changes(@PathVariable String agencyId, @RequestParam(required = false) String asOf) {
        queries.agency(agencyId);
        return queries.changes(agencyId, this.asOf.parse(asOf));
    }

    @GetMapping("/api/agencies/{agencyId}/summary")
    @Operation(summary = "An agency's scorecard: its indicators and tasks counted by status (optionally in one plan, as of a moment)")
    public DirectoryQueries.AgencySummary summary(@PathVariable String agencyId, @RequestParam(required = false) String planId,
                                                  @RequestParam(required = false) String asOf) {
        if (!scopePolicy.current().includes(agencyId)) {
            throw new NotFound("agency", agencyId);
        }
        return queries.summary(agencyId, planId, this.asOf.parse(asOf));
    }
}
