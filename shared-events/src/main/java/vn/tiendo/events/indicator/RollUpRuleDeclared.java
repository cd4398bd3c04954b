package vn.tiendo.events.indicator;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/**
 * The indicator's figure is built from the indicators linked to it by {@code rule}; {@code weightLabel} says what the
 * links' weights count (e.g. "dân số", "số thủ tục hành chính") for a weighted average.
 */
@Revision("1")
public record RollUpRuleDeclared(String indicatorId, RollUpRule rule, String weightLabel, String reason) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("rollUpRule", rule), FieldChange.set("rollUpWeightLabel", weightLabel));
    }
}
