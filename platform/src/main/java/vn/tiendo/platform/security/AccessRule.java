package vn.tiendo.platform.security;

import org.springframework.http.HttpMethod;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call an endpoint: the roles allowed and whether officers and heads are limited to their agency's scope
 * (their own agency; a head also its children). One table of these per service drives both the security
 * configuration and the access-matrix test, so that an endpoint without a rule fails the build.
 */
public record AccessRule(HttpMethod method, String path, Set<Role> roles, boolean scoped) {

    public static AccessRule of(HttpMethod method, String path, boolean scoped, Role... roles) {
        return new AccessRule(method, path, roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(roles[0], roles)), scoped);
    }

    public static final Role[] EVERYONE = Role.values();

    public String[] roleNames() {
        return roles.stream().map(Enum::name).toArray(String[]::new);
    }
}
