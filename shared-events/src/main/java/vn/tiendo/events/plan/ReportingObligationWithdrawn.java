package vn.tiendo.events.plan;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** A reporting duty ended (the plan was amended): no report is due for periods that end after it. */
@Revision("1")
public record ReportingObligationWithdrawn(String planId, String obligationId, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("obligation[" + obligationId + "]", "declared", "withdrawn"));
    }
}
