package vn.tiendo.events.plan;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A plan (kế hoạch, quyết định) was registered: its document number, date, issuer, title and the period it covers. */
@Revision("1")
public record PlanRegistered(String planId, String documentNumber, LocalDate issuedOn, String issuer, String title, LocalDate periodStart, LocalDate periodEnd) {
}
