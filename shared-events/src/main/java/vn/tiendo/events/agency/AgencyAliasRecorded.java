package vn.tiendo.events.agency;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/**
 * Someone confirmed that a name the plans write ({@code alias}, e.g. "Văn phòng HĐND-UBND") means this agency: imports
 * take it so from then on. Usually confirmed from an import's dry run, which proposed the agency for the name.
 */
@Revision("1")
public record AgencyAliasRecorded(String agencyId, String alias) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("alias", alias));
    }
}
