package vn.tiendo.command.agency;

import vn.tiendo.events.common.AgencyKind;

public record RegisterAgency(String agencyId, String name, AgencyKind kind, String parentAgencyId) {
}
