package vn.tiendo.command.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.tiendo.platform.security.PlatformSecurity;
import vn.tiendo.platform.security.SecurityBeans;
import vn.tiendo.platform.security.SecuritySettings;
import vn.tiendo.platform.web.ProblemErrorController;
import vn.tiendo.platform.web.ProblemErrors;

import java.time.Clock;

@Configuration
@Import({SecurityBeans.class, ProblemErrors.class, ProblemErrorController.class})
public class SecurityConfig implements WebMvcConfigurer {

    private final ScopedPaths scopedPaths;

    public SecurityConfig(ScopedPaths scopedPaths) {
        this.scopedPaths = scopedPaths;
    }

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http, SecuritySettings settings, ObjectProvider<JwtDecoder> jwt) throws Exception {
        return PlatformSecurity.filterChain(http, CommandAccess.RULES, settings, Clock.systemUTC(), jwt.getIfAvailable() != null);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(scopedPaths);
    }
}
