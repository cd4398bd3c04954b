package vn.tiendo.command.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.platform.scope.ScopePolicy;

/** The shared scope policy over the command side's own agency table. */
@Configuration
public class ScopeConfig {

    @Bean
    public ScopePolicy scopePolicy(Registry registry) {
        return new ScopePolicy(registry::agencyAndDescendants);
    }
}
