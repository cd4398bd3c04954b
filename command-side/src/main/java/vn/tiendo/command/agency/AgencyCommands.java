package vn.tiendo.command.agency;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/** What can be asked of an agency after it is registered: who leads it, and when. */
public final class AgencyCommands {

    private AgencyCommands() {
    }

    public record AppointHead(@TargetAggregateIdentifier String agencyId, @TargetAggregateVersion Long expectedVersion, String holder,
                              String position, boolean acting, String decisionReference, LocalDate from) {
    }

    public record RecordHeadLeft(@TargetAggregateIdentifier String agencyId, @TargetAggregateVersion Long expectedVersion, LocalDate to,
                                 String decisionReference, String reason) {
    }

    /** A name the plans write for the agency, confirmed once (usually from an import's dry run) and taken from then on. */
    public record RecordAlias(@TargetAggregateIdentifier String agencyId, @TargetAggregateVersion Long expectedVersion, String alias) {
    }

    public record RenameAgency(@TargetAggregateIdentifier String agencyId, @TargetAggregateVersion Long expectedVersion, String name,
                               LocalDate effectiveDate, String decisionReference) {
    }

    public record MoveAgency(@TargetAggregateIdentifier String agencyId, @TargetAggregateVersion Long expectedVersion, String toParentAgencyId,
                             LocalDate effectiveDate, String decisionReference) {
    }

    public record MergeAgency(@TargetAggregateIdentifier String agencyId, @TargetAggregateVersion Long expectedVersion, String intoAgencyId,
                              LocalDate effectiveDate, String decisionReference) {
    }

    public record SplitAgency(@TargetAggregateIdentifier String agencyId, @TargetAggregateVersion Long expectedVersion, List<String> intoAgencyIds,
                              LocalDate effectiveDate, String decisionReference) {
    }

    /** A collective assignee the plans name, as a group of agencies answered for by {@code ownerAgencyId}. */
    public record DefineAgencyGroup(String groupId, String name, List<String> otherNames, String ownerAgencyId, List<String> memberAgencyIds,
                                    String reason) {
    }

    /** {@code ownerAgencyId} null: the owner stays. */
    public record ChangeAgencyGroup(@TargetAggregateIdentifier String groupId, @TargetAggregateVersion Long expectedVersion,
                                    String ownerAgencyId, List<String> memberAgencyIds, LocalDate effectiveDate, String reason) {
    }
}
