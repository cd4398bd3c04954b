package vn.tiendo.events.indicator;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.math.BigDecimal;
import java.util.List;

/**
 * This indicator (of a lower level's plan) implements {@code implementsIndicatorId} (of the plan above): its figure
 * counts in that one's roll-up, with {@code weight} where the roll-up is a weighted average. It keeps its own targets,
 * lead agency and reports. Linked again to the same indicator, the weight changes.
 */
@Revision("1")
public record IndicatorLinked(String indicatorId, String implementsIndicatorId, BigDecimal weight, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("implements", implementsIndicatorId), FieldChange.set("weight", weight));
    }
}
