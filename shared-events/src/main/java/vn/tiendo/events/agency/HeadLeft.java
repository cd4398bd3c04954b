package vn.tiendo.events.agency;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/** The head (or acting head) of an agency left office on a date ({@code to}, their last day), by a decision. */
@Revision("1")
public record HeadLeft(String agencyId, String holder, LocalDate to, String decisionReference, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("head", holder, null), FieldChange.set("headTo", to));
    }
}
