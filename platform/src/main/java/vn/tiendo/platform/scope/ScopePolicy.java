package vn.tiendo.platform.scope;

import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one rule for "who may see and act on which agency", used by both services:
 * <ul>
 *   <li>the coordinating department, auditors, the council and administrators: every agency;</li>
 *   <li>an officer: their own agency; a head: their agency and every agency below it;</li>
 *   <li>acting on an indicator or task (report, correct, approve, complete) needs its <em>lead</em> agency in scope
 *       ({@link Scope#requireActsOn}); seeing it needs any agency involved in scope: lead, monitoring (indicators)
 *       or coordinating (tasks) ({@link Scope#includesAny}).</li>
 * </ul>
 * Each service supplies the agency tree from its own tables.
 */
public final class ScopePolicy {

    private final Function<String, List<String>> agencyAndDescendants;

    /** @param agencyAndDescendants an agency and every agency below it, from the service's own agency table */
    public ScopePolicy(Function<String, List<String>> agencyAndDescendants) {
        this.agencyAndDescendants = agencyAndDescendants;
    }

    public Scope scopeOf(PlatformUser user) {
        if (user.seesEverything()) {
            return Scope.ALL;
        }
        if (user.agencyId() == null) {
            return Scope.of(Set.of());
        }
        if (!user.has(Role.HEAD)) {
            return Scope.of(Set.of(user.agencyId()));
        }
        Set<String> subtree = new HashSet<>(agencyAndDescendants.apply(user.agencyId()));
        subtree.add(user.agencyId());
        return Scope.of(subtree);
    }

    public Scope current() {
        return scopeOf(PlatformUser.current());
    }

    /**
     * An officer's report is a draft until a head approves it; a head's or the coordinator's report is approved as
     * sent (they are the approvers; the four-eyes rule applies to approving someone's draft).
     */
    public static boolean reportApprovedAsSent(PlatformUser user) {
        return user.has(Role.HEAD) || user.has(Role.COORDINATOR);
    }
}
