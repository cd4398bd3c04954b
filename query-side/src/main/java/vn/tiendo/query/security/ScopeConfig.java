package vn.tiendo.query.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.platform.scope.ScopePolicy;

/** The shared scope policy over the query side's agency projection. */
@Configuration
public class ScopeConfig {

    @Bean
    public ScopePolicy scopePolicy(JdbcTemplate jdbc) {
        return new ScopePolicy(agencyId -> jdbc.queryForList("with recursive tree as (select agency_id from projection.agency "
                + "where agency_id = ? union select a.agency_id from projection.agency a join tree t on a.parent_agency_id = t.agency_id) "
                + "select agency_id from tree", String.class, agencyId));
    }
}
