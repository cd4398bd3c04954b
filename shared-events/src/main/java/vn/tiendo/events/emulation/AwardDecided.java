package vn.tiendo.events.emulation;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/** The award is decided by a decision (number, date, form); {@code dossierSha256} is the hash of the frozen dossier it was decided on. */
@Revision("1")
public record AwardDecided(String nominationId, String decisionNumber, LocalDate decidedOn, String awardForm, String dossierSha256, String member) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("status", "AWARD_DECIDED"), FieldChange.set("decision", decisionNumber), FieldChange.set("award", awardForm), FieldChange.set("dossierSha256", dossierSha256));
    }
}
