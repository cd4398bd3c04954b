package vn.tiendo.query.pages;

import vn.tiendo.platform.security.AccessRule;

import java.util.List;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static vn.tiendo.platform.security.Role.ADMIN;
import static vn.tiendo.platform.security.Role.AUDITOR;
import static vn.tiendo.platform.security.Role.COORDINATOR;
import static vn.tiendo.platform.security.Role.COUNCIL;
import static vn.tiendo.platform.security.Role.HEAD;
import static vn.tiendo.platform.security.Role.OFFICER;

/**
 * Who may open which page. Pages show what the API would answer the same person: every list and record is read
 * through the same queries with the same agency scope, so a page never shows what the API would refuse. Forms go
 * to the command side as the signed-in person, where the same rules decide.
 */
public final class PageAccess {

    /** Open without signing in: the sign-in page and the style sheet. */
    public static final String[] OPEN = {"/login", "/assets/**"};

    public static final List<AccessRule> RULES = List.of(
            AccessRule.of(GET, "/", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/app", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/app/indicators/{indicatorId}", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/app/emulation/nominations/{nominationId}", true, AccessRule.EVERYONE),
            AccessRule.of(POST, "/app/indicators/{indicatorId}/reports", true, OFFICER, HEAD, COORDINATOR),
            AccessRule.of(POST, "/app/indicators/{indicatorId}/reports/{reportId}/approval", true, HEAD, COORDINATOR),
            AccessRule.of(POST, "/app/indicators/{indicatorId}/reports/{reportId}/corrections", true, OFFICER, HEAD, COORDINATOR),
            AccessRule.of(POST, "/app/indicators/{indicatorId}/target-revisions", false, COORDINATOR),
            AccessRule.of(POST, "/app/indicators/{indicatorId}/reassignments", false, COORDINATOR),
            AccessRule.of(GET, "/app/evidence/{sha256}", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/app/agencies/{agencyId}", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/app/tasks", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/app/reporting", true, AccessRule.EVERYONE),
            AccessRule.of(POST, "/app/reporting/periodic-reports", false, OFFICER, HEAD, COORDINATOR),
            AccessRule.of(GET, "/app/tasks/{taskId}", true, AccessRule.EVERYONE),
            AccessRule.of(POST, "/app/tasks/{taskId}/reports", true, OFFICER, HEAD, COORDINATOR),
            AccessRule.of(POST, "/app/tasks/{taskId}/reports/{reportId}/approval", true, HEAD, COORDINATOR),
            AccessRule.of(POST, "/app/tasks/{taskId}/completion", true, HEAD, COORDINATOR),
            AccessRule.of(POST, "/app/tasks/{taskId}/deadline-revisions", false, COORDINATOR),
            AccessRule.of(POST, "/app/tasks/{taskId}/reassignments", false, COORDINATOR),
            AccessRule.of(GET, "/app/audit", false, AUDITOR, COORDINATOR, COUNCIL, ADMIN),
            AccessRule.of(POST, "/app/audit/checkpoints", false, AUDITOR, ADMIN),
            AccessRule.of(GET, "/app/emulation", true, AccessRule.EVERYONE),
            AccessRule.of(GET, "/app/live", false, AccessRule.EVERYONE),
            AccessRule.of(GET, "/app/admin", false, ADMIN),
            AccessRule.of(POST, "/app/admin/parked-events/retry", false, ADMIN),
            AccessRule.of(POST, "/app/admin/rebuild", false, ADMIN),
            AccessRule.of(POST, "/app/admin/parked-events/eviction", false, ADMIN),
            AccessRule.of(GET, "/app/imports", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/app/imports/preview", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/app/imports/apply", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/app/imports/alias", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/app/imports/group", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/app/agency-groups/{groupId}/members", false, COORDINATOR, ADMIN),
            AccessRule.of(POST, "/app/emulation/nominations/{nominationId}/steps/{step}", false, COUNCIL),
            AccessRule.of(POST, "/app/emulation/nominations/{nominationId}/evidence", true, HEAD));

    private PageAccess() {
    }
}
