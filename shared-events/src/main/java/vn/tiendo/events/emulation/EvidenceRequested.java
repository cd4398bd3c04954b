package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** The reviewer asks for more evidence, for one claim or (claimId null) for the whole nomination, saying what. */
@Revision("1")
public record EvidenceRequested(String nominationId, String claimId, String member, String what) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("status", "EVIDENCE_REQUESTED"), FieldChange.set(claimId == null ? "evidenceRequested" : "evidenceRequested[" + claimId + "]", what));
    }
}
