package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** Another agency (Sở Nội vụ, for the Bằng khen) verifies the campaign's nominations with the lead verifier. */
@Revision("1")
public record CoVerifierNamed(String campaignId, String agencyId) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("coVerifier", agencyId));
    }
}
