package vn.tiendo.events.task;

import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.EvidenceRef;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A task was completed on a date, with its product and evidence. */
@Revision("1")
public record TaskCompleted(String taskId, LocalDate completedOn, String product, List<EvidenceRef> evidence) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("completedOn", completedOn), FieldChange.set("product", product),
                FieldChange.set("status", "COMPLETED"));
    }
}
