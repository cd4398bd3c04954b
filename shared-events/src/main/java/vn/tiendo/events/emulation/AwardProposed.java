package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** The council proposes an award form for a verified nomination to the one who grants it. */
@Revision("1")
public record AwardProposed(String nominationId, String awardForm, String member, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("status", "AWARD_PROPOSED"), FieldChange.set("award", awardForm));
    }
}
