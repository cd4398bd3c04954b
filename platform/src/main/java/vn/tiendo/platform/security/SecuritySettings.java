package vn.tiendo.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The people who may sign in (prefix {@code tiendo.security}). Locally each user has a bcrypt {@code passwordHash},
 * or, for the demo users, the password given at start-up in {@code demoPassword} (TIENDO_DEMO_PASSWORD: never
 * committed; run-local.sh makes one up and prints it). A user with neither cannot sign in.
 * <p>
 * {@code apiAudience}: the audience (and Keycloak client id) tokens must name to be accepted here ({@code tiendo-api}).
 * {@code trustedProxies}: addresses of reverse proxies whose {@code X-Forwarded-For} is believed when throttling
 * sign-ins; from anyone else the header is ignored.
 * {@code internalKey}: the secret both services share (TIENDO_INTERNAL_KEY, at least 32 characters) so that the web
 * pages on the query side can send commands for their signed-in user ({@link InternalCalls}); without it they cannot.
 */
@ConfigurationProperties(prefix = "tiendo.security")
public record SecuritySettings(String demoPassword, List<UserEntry> users, Integer maxFailedLogins, Duration lockout,
                               String apiAudience, List<String> trustedProxies, String internalKey) {

    public record UserEntry(String username, String passwordHash, List<Role> roles, String agency) {
    }

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(5) : lockout;
        apiAudience = apiAudience == null || apiAudience.isBlank() ? "tiendo-api" : apiAudience;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        internalKey = internalKey == null || internalKey.isBlank() ? null : internalKey;
    }
}
