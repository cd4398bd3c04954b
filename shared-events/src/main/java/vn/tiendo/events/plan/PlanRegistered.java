package vn.tiendo.events.plan;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A plan (kế hoạch, quyết định) was registered: its document number, date, issuer, title and the period it covers. */
@Revision("1")
public record PlanRegistered(String planId, String documentNumber, LocalDate issuedOn, String issuer, String title, LocalDate periodStart, LocalDate periodEnd) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("documentNumber", documentNumber), FieldChange.set("issuedOn", issuedOn),
                FieldChange.set("issuer", issuer), FieldChange.set("title", title), FieldChange.set("periodStart", periodStart),
                FieldChange.set("periodEnd", periodEnd));
    }
}
