package vn.tiendo.command.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.shared.security.AccessRule;
import vn.tiendo.shared.security.PlatformUser;
import vn.tiendo.shared.security.Role;

import java.util.Map;

/**
 * Officers act for their own agency, heads for theirs and the agencies below it: on a scoped endpoint the agency
 * leading the indicator or task in the path must be in the user's scope. Checked before the body is read, so that
 * a user outside the scope learns nothing from validation errors. Unknown ids pass on, to be answered 404.
 */
@Component
public class AgencyScope implements HandlerInterceptor {

    private final Registry registry;
    private final AntPathMatcher paths = new AntPathMatcher();

    public AgencyScope(Registry registry) {
        this.registry = registry;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (AccessRule rule : CommandAccess.RULES) {
            if (rule.scoped() && rule.method().matches(request.getMethod()) && paths.match(rule.path(), path)) {
                Map<String, String> variables = paths.extractUriTemplateVariables(rule.path(), path);
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
        registry.leadOf(indicatorOrTaskId).ifPresent(lead -> {
            boolean inScope = user.has(Role.HEAD) ? registry.agencyAndDescendants(user.agencyId()).contains(lead)
                    : lead.equals(user.agencyId());
            if (!inScope) {
                throw new AccessDeniedException(indicatorOrTaskId + " is led by " + lead + ", outside " + user.agencyId() + "'s scope");
            }
        });
    }
}
