package vn.tiendo.query.pages;

import org.springframework.ui.Model;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;
import vn.tiendo.query.web.AsOf;

import java.util.Set;

/** What every page's header and as-of picker need. */
final class Pages {

    static final Set<Role> AUDIT_READERS = Set.of(Role.AUDITOR, Role.COORDINATOR, Role.COUNCIL, Role.ADMIN);

    private Pages() {
    }

    static String common(Model model, String asOfParameter, AsOf asOf, String view) {
        PlatformUser user = PlatformUser.current();
        model.addAttribute("user", user);
        model.addAttribute("auditReader", user.roles().stream().anyMatch(AUDIT_READERS::contains));
        model.addAttribute("asOf", asOfParameter == null ? "" : asOfParameter);
        model.addAttribute("today", asOf.today(AsOf.Moment.NOW));
        return view;
    }
}
