package vn.tiendo.events.agency;

import vn.tiendo.events.common.AgencyKind;
import org.axonframework.serialization.Revision;

/** An agency joined the province's hierarchy, under its parent (none for the province itself). */
@Revision("1")
public record AgencyRegistered(String agencyId, String name, AgencyKind kind, String parentAgencyId) {
}
