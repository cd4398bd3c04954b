package vn.tiendo.query.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import vn.tiendo.platform.security.PlatformSecurity;
import vn.tiendo.platform.security.SecurityBeans;
import vn.tiendo.platform.security.SecuritySettings;
import vn.tiendo.platform.web.ProblemErrors;

import java.time.Clock;

@Configuration
@Import({SecurityBeans.class, ProblemErrors.class})
public class SecurityConfig {

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http, SecuritySettings settings, ObjectProvider<JwtDecoder> jwt) throws Exception {
        return PlatformSecurity.filterChain(http, QueryAccess.RULES, settings, Clock.systemUTC(), jwt.getIfAvailable() != null);
    }
}
