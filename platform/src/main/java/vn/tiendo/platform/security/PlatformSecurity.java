package vn.tiendo.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.tiendo.platform.web.ProblemDetails;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The security both services share: users from configuration with bcrypt hashes, HTTP Basic over a stateless API,
 * bearer tokens from an OIDC provider (Keycloak) when one is configured,
 * problem-details answers for 401/403/429, login throttling, security headers, and the endpoint table.
 * CSRF protection is off because no endpoint uses a session or cookie: every request carries its credentials.
 */
public final class PlatformSecurity {

    /** Endpoints anyone may read: health, API description. Metrics are not among them: they need the ADMIN role. */
    public static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs/**",
            "/swagger-ui/**", "/swagger-ui.html", "/error"};

    private PlatformSecurity() {
    }

    /**
     * bcrypt (through Spring's delegating encoder). Every API request carries its password, and bcrypt is slow on
     * purpose, so a successful check is remembered for ten minutes, keyed by a SHA-256 of password and hash: a wrong
     * password is always checked in full.
     */
    public static PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(10));
    }

    public static UserDetailsService users(SecuritySettings settings, PasswordEncoder encoder) {
        String demoHash = settings.demoPassword() == null || settings.demoPassword().isBlank() ? null : encoder.encode(settings.demoPassword());
        Map<String, UserDetails> byName = new HashMap<>();
        for (SecuritySettings.UserEntry u : settings.users()) {
            PlatformUser user = new PlatformUser(u.username(), u.agency(), PlatformUser.roles(u.roles()));
            byName.put(u.username(), PlatformUser.details(user, u.passwordHash() != null ? u.passwordHash() : demoHash));
        }
        return username -> {
            UserDetails details = byName.get(username);
            if (details == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            // a fresh copy each time: Spring erases credentials after authentication
            PlatformUser.Details d = (PlatformUser.Details) details;
            return new PlatformUser.Details(d.user(), d.getPassword(), d.isEnabled());
        };
    }

    /**
     * @param jwt present when an OIDC provider is configured ({@code spring.security.oauth2.resourceserver.jwt.*}):
     *            bearer tokens are then accepted beside HTTP Basic
     */
    public static SecurityFilterChain filterChain(HttpSecurity http, List<AccessRule> rules, SecuritySettings settings, Clock clock,
                                                  boolean jwt) throws Exception {
        if (jwt) {
            String api = settings.apiAudience();
            JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
            roles.setJwtGrantedAuthoritiesConverter(token -> PlatformUser.rolesIn(token, api).stream()
                    .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
            // a token the provider issued for another client (its audience does not name this API) is not ours to accept
            Converter<Jwt, AbstractAuthenticationToken> tokens = token -> {
                if (!PlatformUser.meantFor(token, api)) {
                    throw new InvalidBearerTokenException(
                            "the token is not meant for " + api);
                }
                return roles.convert(token);
            };
            http.oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(tokens))
                    .authenticationEntryPoint((request, response, e) ->
                            ProblemDetails.write(response, ProblemDetails.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Chưa đăng nhập / Not signed in", "the token is missing or not valid"))));
        }
        LoginThrottle throttle = new LoginThrottle(settings.maxFailedLogins(), settings.lockout(), clock, settings.trustedProxies());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        ProblemDetails.write(response, ProblemDetails.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Chưa đăng nhập / Not signed in", "sign in with your user name and password"))))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        ProblemDetails.write(response, ProblemDetails.forbidden("your role or agency may not do this"))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new RequestSizeLimit(), BasicAuthenticationFilter.class)
                .addFilterBefore(settings.internalKey() == null ? new RefuseActingUser() : new InternalCalls(settings.internalKey(), clock).filter(),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(throttle, BasicAuthenticationFilter.class)
                .addFilterAfter(throttle.afterSignIn(), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(OPEN).permitAll();
                    for (AccessRule rule : rules) {
                        auth.requestMatchers(rule.method(), rule.path()).hasAnyRole(rule.roleNames());
                    }
                    auth.anyRequest().denyAll(); // an endpoint without a rule is closed
                });
        return http.build();
    }

    /** Without a shared key no acting-user statement can be checked, so a request that carries one is refused. */
    private static final class RefuseActingUser extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader(InternalCalls.HEADER) != null) {
                ProblemDetails.write(response, ProblemDetails.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "Chưa đăng nhập / Not signed in", "this service takes no acting-user statements (no internal key)"));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
