package vn.tiendo.command.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import vn.tiendo.command.common.UnknownRecord;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.platform.security.AccessRule;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Officers act for their own agency, heads for theirs and the agencies below it: on a scoped endpoint the agency
 * leading the indicator or task in the path must be in the user's scope. Checked before the body is read, so that
 * a user outside the scope learns nothing from validation errors, on the id exactly as the controller will get it
 * (Spring's decoded path variables: "QD-1305-2025.%41.1" is "QD-1305-2025.A.1"), and closed for ids it cannot
 * resolve (404). The aggregates check the same scope again against their own lead agency (see {@link #METADATA}).
 */
@Component
public class AgencyScope implements HandlerInterceptor {

    /** Command metadata: the agencies the sender may act on, comma-separated; absent for those who act on all. */
    public static final String METADATA = "actingScope";

    private final Registry registry;

    public AgencyScope(Registry registry) {
        this.registry = registry;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            return true;
        }
        for (AccessRule rule : CommandAccess.RULES) {
            if (rule.scoped() && rule.method().matches(request.getMethod()) && rule.path().equals(pattern)) {
                @SuppressWarnings("unchecked")
                Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                String target = variables.getOrDefault("indicatorId", variables.get("taskId"));
                check(PlatformUser.current(), target);
            }
        }
        return true;
    }

    void check(PlatformUser user, String indicatorOrTaskId) {
        if (user.seesEverything()) {
            return;
        }
        String lead = registry.leadOf(indicatorOrTaskId).orElseThrow(() -> new UnknownRecord(indicatorOrTaskId));
        if (!scopeOf(user).orElseThrow().contains(lead)) {
            throw new AccessDeniedException(indicatorOrTaskId + " is led by " + lead + ", outside " + user.agencyId() + "'s scope");
        }
    }

    /** The agencies a user may act on: empty for those who act on every agency. */
    public Optional<Set<String>> scopeOf(PlatformUser user) {
        if (user.seesEverything()) {
            return Optional.empty();
        }
        if (user.agencyId() == null) {
            return Optional.of(Set.of());
        }
        return Optional.of(user.has(Role.HEAD) ? Set.copyOf(registry.agencyAndDescendants(user.agencyId())) : Set.of(user.agencyId()));
    }

    /**
     * For the aggregates' own check: throws when {@code scope} (the metadata value) is present and does not hold the
     * record's lead agency.
     */
    public static void requireWithin(String scope, String leadAgencyId, String recordId) {
        if (scope == null) {
            return;
        }
        if (!Set.of(scope.split(",")).contains(leadAgencyId)) {
            throw new AccessDeniedException(recordId + " is led by " + leadAgencyId + ", outside the sender's scope");
        }
    }
}
