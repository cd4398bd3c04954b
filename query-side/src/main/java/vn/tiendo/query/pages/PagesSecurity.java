package vn.tiendo.query.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
 * page and back to the page asked for.
 */
@Configuration
public class PagesSecurity {

    static final String[] PATHS = {"/", "/login", "/logout", "/app", "/app/**", "/assets/**"};

    @Bean
    @Order(1)
    public SecurityFilterChain pages(HttpSecurity http, SecuritySettings settings) throws Exception {
        LoginThrottle throttle = new LoginThrottle(settings.maxFailedLogins(), settings.lockout(), Clock.systemUTC(),
                settings.trustedProxies(), "/login");
        http.securityMatcher(PATHS)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/app", false).failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new RequestSizeLimit(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
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
