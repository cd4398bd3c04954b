package vn.tiendo.platform.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users, password checks and request-body hardening both services share; each service imports this and adds its
 * own access table.
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
@Import(HardenedJson.class)
public class SecurityBeans {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PlatformSecurity.passwordEncoder();
    }

    @Bean
    public UserDetailsService users(SecuritySettings settings, PasswordEncoder encoder) {
        return PlatformSecurity.users(settings, encoder);
    }
}
