package vn.tiendo.events.indicator;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * The indicator no longer counts in {@code implementsIndicatorId}'s roll-up, for a reason: for the periods ending on
 * or after {@code effectiveFrom} (the periods before keep it), or, with none, for any period. Its figures stay in the
 * record. Revision 2 added {@code effectiveFrom}; revision 1 events are read through
 * {@link vn.tiendo.events.upcasting.LinkDatesUpcaster}.
 */
@Revision("2")
public record IndicatorUnlinked(String indicatorId, String implementsIndicatorId, String reason, LocalDate effectiveFrom) implements RecordEvent {

    /** An unlink for every period. */
    public IndicatorUnlinked(String indicatorId, String implementsIndicatorId, String reason) {
        this(indicatorId, implementsIndicatorId, reason, null);
    }

    @Override
    public List<FieldChange> changes() {
        FieldChange unlinked = FieldChange.of("implements", implementsIndicatorId, null);
        return effectiveFrom == null ? List.of(unlinked) : List.of(unlinked, FieldChange.set("implementsUntil", effectiveFrom));
    }
}
