package vn.tiendo.events.agency;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * Someone took charge of an agency from a date, by a decision: its head, or an acting head ({@code acting}) until
 * one is appointed. {@code holder} is how the decision names them; misses while they led are theirs to answer for.
 */
@Revision("1")
public record HeadAppointed(String agencyId, String holder, String position, boolean acting, String decisionReference,
                            LocalDate from) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("head", holder), FieldChange.set("headPosition", position),
                FieldChange.set("headActing", acting), FieldChange.set("headFrom", from));
    }
}
