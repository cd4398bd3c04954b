package vn.tiendo.events.task;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The lead agency of a task changed, from a date, for a reason. */
@Revision("1")
public record TaskReassigned(String taskId, String fromAgencyId, String toAgencyId, String reason, LocalDate effectiveDate) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("leadAgencyId", fromAgencyId, toAgencyId));
    }
}
