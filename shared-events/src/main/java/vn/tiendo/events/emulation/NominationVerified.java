package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** Every claim is judged and the nomination stands: it may go forward for an award. */
@Revision("1")
public record NominationVerified(String nominationId, String member, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("status", "VERIFIED"));
    }
}
