package vn.tiendo.query.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import vn.tiendo.platform.security.AccessRule;
import vn.tiendo.platform.security.LoginThrottle;
import vn.tiendo.platform.security.RequestSizeLimit;
import vn.tiendo.platform.security.SecuritySettings;

import java.time.Clock;

/**
 * The web pages' own sign-in, beside the stateless API: a sign-in form, a session cookie (HttpOnly, SameSite=Lax)
 * and CSRF tokens on every form, the same users, roles and sign-in throttle. An expired session goes to the sign-in
 * page and back to the page asked for. In profile {@code oidc} the sign-in is Keycloak's instead ({@link OidcSignIn}).
 */
@Configuration
public class PagesSecurity {

    static final String[] PATHS = {"/", "/login", "/logout", "/app", "/app/**", "/assets/**", "/oauth2/authorization/**", "/login/oauth2/code/**"};

    /**
     * @param oidc          present in profile {@code oidc}: the pages then sign in through the provider (Keycloak) instead
     *                      of the form
     * @param accessTokens  the API's bearer-token decoder, which the pages use to read the person from the access token
     * @param signOutUri    the provider's end-session endpoint
     */
    @Bean
    @Order(1)
    public SecurityFilterChain pages(HttpSecurity http, SecuritySettings settings, ObjectProvider<ClientRegistrationRepository> oidc,
                                     ObjectProvider<JwtDecoder> accessTokens,
                                     @Value("${tiendo.pages.sign-out-uri:}") String signOutUri) throws Exception {
        ClientRegistrationRepository registrations = oidc.getIfAvailable();
        // forms post only here; signing out redirects the sign-out form to the provider, which the browser must allow
        String formTargets = "'self'";
        if (registrations != null) {
            ClientRegistration keycloak = registrations.findByRegistrationId(OidcSignIn.REGISTRATION);
            if (keycloak == null) {
                throw new IllegalStateException("profile oidc needs the client registration '" + OidcSignIn.REGISTRATION + "'");
            }
            DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                    OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            // PKCE whatever the client's kind (Spring adds it by itself only for public clients)
            requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/app", false).failureUrl("/login?error")
                            .authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
                            .userInfoEndpoint(u -> u.oidcUserService(OidcSignIn.users(accessTokens.getObject(), settings.apiAudience()))))
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signOutUri.isBlank()
                            ? (request, response, authentication) -> response.sendRedirect(request.getContextPath() + "/login?logout")
                            : OidcSignIn.signOutAtProvider(signOutUri, keycloak.getClientId())));
            if (!signOutUri.isBlank()) {
                formTargets += " " + OidcSignIn.origin(signOutUri);
            }
        } else {
            LoginThrottle throttle = new LoginThrottle(settings.maxFailedLogins(), settings.lockout(), Clock.systemUTC(),
                    settings.trustedProxies(), "/login");
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/app", false).failureUrl("/login?error"))
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                    .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
        }
        String policy = "default-src 'self'; frame-ancestors 'none'; form-action " + formTargets;
        http.securityMatcher(PATHS)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new RequestSizeLimit(), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PageAccess.OPEN).permitAll();
                    for (AccessRule rule : PageAccess.RULES) {
                        auth.requestMatchers(rule.method(), rule.path()).hasAnyRole(rule.roleNames());
                    }
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }
}
