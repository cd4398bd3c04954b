package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** The nominating agency answers a request with more evidence for a claim. */
@Revision("1")
public record EvidenceSupplied(String nominationId, String claimId, List<EvidenceRef> evidence, String note, String suppliedBy) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("status", "UNDER_REVIEW"), FieldChange.set(claimId == null ? "evidence" : "evidence[" + claimId + "]", evidence.size()));
    }
}
