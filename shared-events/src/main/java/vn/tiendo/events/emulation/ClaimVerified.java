package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** The record bears a claim out. */
@Revision("1")
public record ClaimVerified(String nominationId, String claimId, String member, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("claim[" + claimId + "]", "VERIFIED"));
    }
}
