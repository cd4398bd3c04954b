package vn.tiendo.command.security;

import vn.tiendo.platform.security.AccessRule;

import java.util.List;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static vn.tiendo.platform.security.Role.ADMIN;
import static vn.tiendo.platform.security.Role.COORDINATOR;
import static vn.tiendo.platform.security.Role.COUNCIL;
import static vn.tiendo.platform.security.Role.HEAD;
import static vn.tiendo.platform.security.Role.OFFICER;

/**
 * Who may send which command. Officers report (drafts) and correct their drafts for their own agency; heads also
 * for its children, approve reports and complete tasks; the coordinating department defines, revises, reassigns,
 * imports, accepts or rejects corrections of approved reports and launches emulation campaigns; heads nominate their
 * agency's collectives and people; the council judges nominations (never its own agency's); auditors write nothing.
 * "Scoped" rules check the agency leading the indicator or task named in the path.
 */
public final class CommandAccess {

    public static final List<AccessRule> RULES = List.of(
            AccessRule.of(POST, "/api/plans", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/plans/{planId}/reporting-obligations", false, COORDINATOR),
            AccessRule.of(POST, "/api/plans/{planId}/reporting-obligations/{obligationId}/withdrawal", false, COORDINATOR),
            // the plan checks the sender's scope against the agency the report is for
            AccessRule.of(POST, "/api/plans/{planId}/periodic-reports", false, OFFICER, HEAD, COORDINATOR),
            AccessRule.of(POST, "/api/agencies", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/agencies/{agencyId}/heads", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/agencies/{agencyId}/heads/leaving", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/agencies/{agencyId}/aliases", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/agencies/{agencyId}/renaming", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/agencies/{agencyId}/move", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/agencies/{agencyId}/merger", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/agencies/{agencyId}/split", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/agency-groups", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/agency-groups/{groupId}/members", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/indicators", false, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/monitoring", false, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/target-revisions", false, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/reassignments", false, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/link", false, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/unlink", false, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/roll-up-rule", false, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/reports", true, OFFICER, HEAD, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/reports/{reportId}/corrections", true, OFFICER, HEAD, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/reports/{reportId}/approval", true, HEAD, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/correction-proposals/{proposalId}/acceptance", false, COORDINATOR),
            AccessRule.of(POST, "/api/indicators/{indicatorId}/correction-proposals/{proposalId}/rejection", false, COORDINATOR),
            AccessRule.of(POST, "/api/tasks", false, COORDINATOR),
            AccessRule.of(POST, "/api/tasks/{taskId}/reassignments", false, COORDINATOR),
            AccessRule.of(POST, "/api/tasks/{taskId}/deadline-revisions", false, COORDINATOR),
            AccessRule.of(POST, "/api/tasks/{taskId}/reports", true, OFFICER, HEAD, COORDINATOR),
            AccessRule.of(POST, "/api/tasks/{taskId}/reports/{reportId}/approval", true, HEAD, COORDINATOR),
            AccessRule.of(POST, "/api/tasks/{taskId}/completion", true, HEAD, COORDINATOR),
            AccessRule.of(POST, "/api/tasks/{taskId}/cancellation", false, COORDINATOR),
            AccessRule.of(POST, "/api/imports/agencies", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/imports/indicators", false, COORDINATOR),
            AccessRule.of(POST, "/api/imports/tasks", false, COORDINATOR),
            AccessRule.of(POST, "/api/emulation/campaigns", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/emulation/campaigns/{campaignId}/co-verifiers", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/api/emulation/nominations", false, HEAD),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/evidence", true, HEAD),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/review", false, COUNCIL),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/evidence-requests", false, COUNCIL),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/claims/{claimId}/verification", false, COUNCIL),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/claims/{claimId}/rejection", false, COUNCIL),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/verification", false, COUNCIL),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/rejection", false, COUNCIL),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/award-proposal", false, COUNCIL),
            AccessRule.of(POST, "/api/emulation/nominations/{nominationId}/award-decision", false, COUNCIL),
            AccessRule.of(GET, "/api/imports/templates/{kind}.{format}", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/actuator/prometheus", false, ADMIN));

    private CommandAccess() {
    }
}
