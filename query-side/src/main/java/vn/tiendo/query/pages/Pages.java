package vn.tiendo.query.pages;

import org.springframework.ui.Model;
import vn.tiendo.platform.security.PlatformUser;
import vn.tiendo.platform.security.Role;
import vn.tiendo.query.web.AsOf;
import vn.tiendo.query.web.NotFound;

import java.util.Set;
import java.util.regex.Pattern;

/** What every page's header and as-of picker need. */
final class Pages {

    static final Set<Role> AUDIT_READERS = Set.of(Role.AUDITOR, Role.COORDINATOR, Role.COUNCIL, Role.ADMIN);

    private Pages() {
    }

    /**
     * An id taken from a page's path and put into the path of a call to the command side: the API's own id alphabet
     * only, so that nothing ("?", "#", "/" once decoded) can turn the call into another one; anything else is not found.
     */
    static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotFound("record", String.valueOf(id));
        }
        return id;
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    static String common(Model model, String asOfParameter, AsOf asOf, String view) {
        PlatformUser user = PlatformUser.current();
        model.addAttribute("user", user);
        model.addAttribute("auditReader", user.roles().stream().anyMatch(AUDIT_READERS::contains));
        model.addAttribute("asOf", asOfParameter == null ? "" : asOfParameter);
        model.addAttribute("today", asOf.today(AsOf.Moment.NOW));
        return view;
    }
}
