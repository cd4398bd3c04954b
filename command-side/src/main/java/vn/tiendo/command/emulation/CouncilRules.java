package vn.tiendo.command.emulation;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.tiendo.command.common.ConflictOfInterest;
import vn.tiendo.command.common.UnknownRecord;
import vn.tiendo.command.registry.Registry;
import vn.tiendo.platform.scope.ScopePolicy;
import vn.tiendo.platform.security.PlatformUser;

/**
 * Who may take which step of a nomination. A council member judges only for a verifying agency of the campaign, and
 * never a nomination of their own agency or of an agency below it; the nominating side (a head whose scope holds the
 * nominated agency) submits and answers requests for evidence.
 */
@Component
public class CouncilRules {

    private final Registry registry;
    private final ScopePolicy scopePolicy;

    public CouncilRules(Registry registry, ScopePolicy scopePolicy) {
        this.registry = registry;
        this.scopePolicy = scopePolicy;
    }

    /** The nomination, known (404 otherwise), and the current member free to judge it (403 with the reason otherwise). */
    public Registry.NominationRef requireMayJudge(String nominationId) {
        Registry.NominationRef nomination = known(nominationId);
        PlatformUser member = PlatformUser.current();
        if (member.agencyId() == null || !registry.campaignCodes(nomination.campaignId(), "VERIFIER").contains(member.agencyId())) {
            throw new AccessDeniedException(member.username() + " does not work for a verifying agency of " + nomination.campaignId());
        }
        if (registry.agencyAndDescendants(member.agencyId()).contains(nomination.agencyId())) {
            throw new ConflictOfInterest(member.username() + " works for " + member.agencyId() + ", which is or stands above the nominated "
                    + nomination.agencyId() + "; another member must judge " + nominationId);
        }
        return nomination;
    }

    /** The nomination, known, and its agency within the current head's scope. */
    public Registry.NominationRef requireNominatingSide(String nominationId) {
        Registry.NominationRef nomination = known(nominationId);
        scopePolicy.current().requireActsOn(nomination.agencyId(), nominationId);
        return nomination;
    }

    private Registry.NominationRef known(String nominationId) {
        return registry.nomination(nominationId).orElseThrow(() -> new UnknownRecord(nominationId));
    }
}
