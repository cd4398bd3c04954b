package vn.tiendo.events.indicator;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/** The indicator no longer counts in {@code implementsIndicatorId}'s roll-up, for a reason; its earlier figures stay in the record. */
@Revision("1")
public record IndicatorUnlinked(String indicatorId, String implementsIndicatorId, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("implements", implementsIndicatorId, null));
    }
}
