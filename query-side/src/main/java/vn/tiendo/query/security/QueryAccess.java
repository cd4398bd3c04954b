package vn.tiendo.query.security;

import vn.tiendo.platform.security.AccessRule;

import java.util.List;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static vn.tiendo.platform.security.Role.ADMIN;
import static vn.tiendo.platform.security.Role.AUDITOR;
import static vn.tiendo.platform.security.Role.COORDINATOR;
import static vn.tiendo.platform.security.Role.COUNCIL;
import static vn.tiendo.platform.security.Role.HEAD;

/**
 * Who may read what. Everyone signed in reads the dashboards, but officers and heads only their agency's (a head
 * also its children's): "scoped" views leave out, or answer 404 for, what lies outside, by the shared
 * {@link vn.tiendo.platform.scope.ScopePolicy} applied in each query's SQL; the access matrix test holds every scoped
 * route to that. The audit trail is for
 * auditors, the coordinating department, the council and administrators; rebuilds for administrators. Nominations,
 * their dossiers and frozen dossiers are scoped like records (by the nominated agency); award decisions are public
 * within the platform; only the council freezes a dossier.
 */
public final class QueryAccess {

    public static final List<AccessRule> RULES = List.of(
            AccessRule.of(GET, "/api/indicators", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/indicators/{indicatorId}", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/indicators/{indicatorId}/series", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/indicators/{indicatorId}/roll-up", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/tasks", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/tasks/{taskId}", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/tasks/{taskId}/shares", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/agency-groups", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/plans", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/agencies", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/agencies/{agencyId}/changes", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/agencies/{agencyId}/summary", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/reports/monthly.xlsx", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/scorecards/agencies/{agencyId}", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/scorecards/agencies/{agencyId}/heads", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/scorecards/overdue", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/scorecards/ranking", false, HEAD, AUDITOR, COORDINATOR, COUNCIL, ADMIN),
            AccessRule.of(GET, "/api/reporting/duties", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/reporting/periodic-reports", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/emulation/campaigns", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/emulation/campaigns/{campaignId}", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/emulation/campaigns/{campaignId}/rounds/{round}/ranking", false, HEAD, AUDITOR, COORDINATOR, COUNCIL, ADMIN),
            AccessRule.of(GET, "/api/emulation/campaigns/{campaignId}/rounds/{round}/ranking.xlsx", false, HEAD, AUDITOR, COORDINATOR, COUNCIL, ADMIN),
            AccessRule.of(GET, "/api/emulation/campaigns/{campaignId}/rounds/{round}/nominations.xlsx", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/emulation/campaigns/{campaignId}/rounds/{round}/decisions.xlsx", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/emulation/nominations", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/emulation/nominations/{nominationId}", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/emulation/nominations/{nominationId}/dossier", true, AccessRule.EVERYONE),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/dossier/freeze", false, COUNCIL),
            AccessRule.of(GET, "/api/emulation/nominations/{nominationId}/dossier/frozen", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/emulation/nominations/{nominationId}/dossier/frozen/verification", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/api/audit/log", false, AUDITOR, COORDINATOR, COUNCIL, ADMIN),
            AccessRule.of(GET, "/api/audit/history/{aggregateId}", false, AUDITOR, COORDINATOR, COUNCIL, ADMIN),
            AccessRule.of(GET, "/api/audit/anomalies", false, AUDITOR, COORDINATOR, COUNCIL, ADMIN),
            AccessRule.of(GET, "/api/audit/verification", false, AUDITOR, COORDINATOR, COUNCIL, ADMIN),
            AccessRule.of(GET, "/api/audit/checkpoints", false, AUDITOR, COORDINATOR, COUNCIL, ADMIN),
            AccessRule.of(POST, "/api/audit/checkpoints", false, AUDITOR, ADMIN),
            AccessRule.of(GET, "/api/admin/projections", false, ADMIN),
            AccessRule.of(POST, "/api/admin/projections/rebuild", false, ADMIN),
            AccessRule.of(GET, "/api/admin/projections/rebuild", false, ADMIN),
            AccessRule.of(GET, "/api/admin/projections/parked-events", false, ADMIN),
            AccessRule.of(POST, "/api/admin/projections/parked-events/retry", false, ADMIN),
            AccessRule.of(POST, "/api/admin/projections/parked-events/eviction", false, ADMIN),
            AccessRule.of(GET, "/api/admin/projections/actions", false, ADMIN),
            AccessRule.of(GET, "/actuator/prometheus", false, ADMIN));

    private QueryAccess() {
    }
}
