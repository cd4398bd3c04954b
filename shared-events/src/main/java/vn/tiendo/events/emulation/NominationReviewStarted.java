package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** A council member took the nomination up for review. */
@Revision("1")
public record NominationReviewStarted(String nominationId, String member) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("status", "UNDER_REVIEW"), FieldChange.set("reviewer", member));
    }
}
