package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * An emulation campaign (phong trào thi đua) launched by the plan that sets it: its rounds, targets, standards for
 * collectives and individuals, the award forms, and the agencies that verify nominations.
 */
@Revision("1")
public record CampaignLaunched(String campaignId, String title, String source, LocalDate from, LocalDate to, List<Round> rounds,
                               List<CampaignTarget> targets, List<AwardForm> awards, String collectiveStandard,
                               String individualStandard, List<String> verifyingAgencyIds) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("title", title), FieldChange.set("from", from), FieldChange.set("to", to),
                FieldChange.set("rounds", rounds.size()), FieldChange.set("targets", targets.size()),
                FieldChange.set("verifyingAgencies", verifyingAgencyIds));
    }
}
