package vn.tiendo.platform.security;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authenticated person: user name, the agency they work for, their roles. Events name them, never the request body. */
public record PlatformUser(String username, String agencyId, Set<Role> roles) implements Serializable {

    /** A signed-in principal that knows which platform user it is (a form sign-in, a page signed in through OIDC). */
    public interface SignedIn {
        PlatformUser platformUser();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True for roles that see and act across all agencies (coordinator, council, auditor, administrator). */
    public boolean seesEverything() {
        return roles.stream().anyMatch(Role::seesEverything);
    }

    /** The person behind the current request. */
    public static PlatformUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("no authenticated user");
        }
        if (auth.getPrincipal() instanceof SignedIn signedIn) {
            return signedIn.platformUser();
        }
        if (auth.getPrincipal() instanceof Jwt jwt) {
            // the roles as the sign-in converter granted them (see PlatformSecurity), the rest from the token's claims
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            auth.getAuthorities().forEach(a -> Arrays.stream(Role.values())
                    .filter(r -> ("ROLE_" + r.name()).equals(a.getAuthority())).forEach(roles::add));
            PlatformUser fromClaims = fromToken(jwt);
            return new PlatformUser(fromClaims.username(), fromClaims.agencyId(), roles.isEmpty() ? Set.of() : Set.copyOf(roles));
        }
        throw new IllegalStateException("unknown principal " + auth.getPrincipal().getClass().getSimpleName());
    }

    /** Spring Security's view of a platform user. */
    public static final class Details extends User implements SignedIn {
        private final PlatformUser user;

        public Details(PlatformUser user, String passwordHash, boolean enabled) {
            super(user.username(), passwordHash == null ? "{noop}" : passwordHash, enabled, true, true, true,
                    user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
            this.user = user;
        }

        public PlatformUser user() {
            return user;
        }

        @Override
        public PlatformUser platformUser() {
            return user;
        }
    }

    /** True when the token's audience names this API: a token the provider issued for another client is not ours to accept. */
    public static boolean meantFor(Jwt jwt, String api) {
        return jwt.getAudience() != null && jwt.getAudience().contains(api);
    }

    /**
     * The person an access token meant for this API speaks for, with the same roles the API grants it: how the web
     * pages signed in through OIDC know who is there.
     */
    public static PlatformUser fromAccessToken(Jwt jwt, String api) {
        if (!meantFor(jwt, api)) {
            throw new IllegalArgumentException("the token is not meant for " + api);
        }
        PlatformUser claims = fromToken(jwt);
        return new PlatformUser(claims.username(), claims.agencyId(), rolesIn(jwt, api));
    }

    /** A person signed in through OIDC (Keycloak): user name from {@code preferred_username} (else {@code sub}), agency from {@code agency}. */
    static PlatformUser fromToken(Jwt jwt) {
        String username = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        String agency = jwt.getClaimAsString("agency");
        return new PlatformUser(username, agency == null || agency.isBlank() ? null : agency, Set.of());
    }

    /**
     * Roles from Keycloak's realm roles ({@code realm_access.roles}) and this API's client roles
     * ({@code resource_access.<api>.roles}) only: a generic {@code roles} claim, which other clients or providers may
     * fill, is ignored. Officers and heads act for an agency; a token that makes someone an officer or head without
     * naming the agency gives them neither role, so every request is 403 rather than a failure further on.
     */
    static Set<Role> rolesIn(Jwt jwt, String api) {
        List<String> names = new ArrayList<>();
        Object realm = jwt.getClaims().get("realm_access");
        if (realm instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> list) {
            list.forEach(r -> names.add(String.valueOf(r)));
        }
        Object clients = jwt.getClaims().get("resource_access");
        if (clients instanceof Map<?, ?> map && map.get(api) instanceof Map<?, ?> client
                && client.get("roles") instanceof Collection<?> list) {
            list.forEach(r -> names.add(String.valueOf(r)));
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(name)) {
                    roles.add(role);
                }
            }
        }
        String agency = jwt.getClaimAsString("agency");
        if (agency == null || agency.isBlank()) {
            roles.remove(Role.OFFICER);
            roles.remove(Role.HEAD);
        }
        return Set.copyOf(roles);
    }

    static Set<Role> roles(Collection<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    static UserDetails details(PlatformUser user, String hash) {
        return new Details(user, hash, hash != null);
    }
}
