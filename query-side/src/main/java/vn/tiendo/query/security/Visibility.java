package vn.tiendo.query.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Which agencies' data the current user may see: all of them, or their own (a head: also those below it). */
@Component
public class Visibility {

    private final JdbcTemplate jdbc;

    public Visibility(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty: everything. */
    public Optional<Set<String>> agencies() {
        PlatformUser user = PlatformUser.current();
        if (user.seesEverything()) {
            return Optional.empty();
        }
        if (!user.has(Role.HEAD)) {
            return Optional.of(Set.of(user.agencyId()));
        }
        Set<String> tree = new java.util.HashSet<>(jdbc.queryForList("with recursive tree as (select agency_id from projection.agency "
                + "where agency_id = ? union select a.agency_id from projection.agency a join tree t on a.parent_agency_id = t.agency_id) "
                + "select agency_id from tree", String.class, user.agencyId()));
        tree.add(user.agencyId());
        return Optional.of(Set.copyOf(tree));
    }

    /** True when any of the agencies is visible. */
    public boolean sees(Collection<String> agencyIds) {
        return agencies().map(visible -> agencyIds.stream().anyMatch(visible::contains)).orElse(true);
    }
}
