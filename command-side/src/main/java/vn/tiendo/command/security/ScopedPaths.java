package vn.tiendo.command.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import vn.tiendo.command.common.UnknownRecord;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.AccessRule;

import java.util.Map;

/**
 * Applies {@link ScopePolicy} to the "scoped" command routes: the agency leading the indicator or task in the path
 * (for a nomination: the nominated agency) must be in the sender's scope. Checked before the body is read, so that a user outside the scope learns nothing
 * from validation errors, on the id exactly as the controller will get it (Spring's decoded path variables:
 * "QD-1305-2025.%41.1" is "QD-1305-2025.A.1"), and closed for ids it cannot resolve (404). The aggregates check
 * the same scope again against their own lead agency (the dispatcher sends it as {@link Scope#METADATA}).
 */
@Component
public class ScopedPaths implements HandlerInterceptor {

    private final Registry registry;
    private final ScopePolicy policy;

    public ScopedPaths(Registry registry, ScopePolicy policy) {
        this.registry = registry;
        this.policy = policy;
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
                check(policy.current(), variables.getOrDefault("indicatorId", variables.getOrDefault("taskId", variables.get("nominationId"))));
            }
        }
        return true;
    }

    private void check(Scope scope, String recordId) {
        if (scope.isAll()) {
            return;
        }
        String lead = registry.leadOf(recordId)
                .or(() -> registry.nomination(recordId).map(Registry.NominationRef::agencyId))
                .orElseThrow(() -> new UnknownRecord(recordId));
        scope.requireActsOn(lead, recordId);
    }
}
