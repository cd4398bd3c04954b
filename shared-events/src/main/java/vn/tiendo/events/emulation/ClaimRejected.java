package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** A claim is refused; {@code contradictedBy} names the record (and period) that says otherwise, when one does. */
@Revision("1")
public record ClaimRejected(String nominationId, String claimId, String member, String reason, Citation contradictedBy) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("claim[" + claimId + "]", "REJECTED"));
    }
}
