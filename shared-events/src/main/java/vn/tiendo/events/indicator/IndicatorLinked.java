package vn.tiendo.events.indicator;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * This indicator (of a lower level's plan) implements {@code implementsIndicatorId} (of the plan above): its figure
 * counts in that one's roll-up, with {@code weight} where the roll-up is a weighted average, for the periods ending
 * on or after {@code effectiveFrom} (null: every period). It keeps its own targets, lead agency and reports. Linked
 * again to the same indicator, the weight (and the date) change.
 * Revision 2 added {@code effectiveFrom}; revision 1 events are read through {@link vn.tiendo.events.upcasting.LinkDatesUpcaster}.
 */
@Revision("2")
public record IndicatorLinked(String indicatorId, String implementsIndicatorId, BigDecimal weight, String reason, LocalDate effectiveFrom)
        implements RecordEvent {

    /** A link for every period. */
    public IndicatorLinked(String indicatorId, String implementsIndicatorId, BigDecimal weight, String reason) {
        this(indicatorId, implementsIndicatorId, weight, reason, null);
    }

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("implements", implementsIndicatorId), FieldChange.set("weight", weight),
                FieldChange.set("implementsFrom", effectiveFrom));
    }
}
