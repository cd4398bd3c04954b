package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/**
 * A head of agency nominates a collective (their agency or one below it) or one of its people for a round, with the
 * achievements claimed, their self-assessment and the award they propose.
 */
@Revision("1")
public record NominationSubmitted(String nominationId, String campaignId, int round, NomineeKind kind, String agencyId,
                                  String nomineeName, String nomineePosition, String proposedAward, String selfAssessment,
                                  List<Claim> claims, String nominatedBy) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("status", "SUBMITTED"), FieldChange.set("nominee", kind + " " + agencyId),
                FieldChange.set("nomineeName", nomineeName), FieldChange.set("proposedAward", proposedAward),
                FieldChange.set("claims", claims.size()));
    }
}
