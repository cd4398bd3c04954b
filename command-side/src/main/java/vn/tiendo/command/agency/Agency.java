package vn.tiendo.command.agency;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.tiendo.command.agency.AgencyCommands.AppointHead;
import vn.tiendo.command.agency.AgencyCommands.MergeAgency;
import vn.tiendo.command.agency.AgencyCommands.MoveAgency;
import vn.tiendo.command.agency.AgencyCommands.RecordAlias;
import vn.tiendo.command.agency.AgencyCommands.RenameAgency;
import vn.tiendo.command.agency.AgencyCommands.SplitAgency;
import vn.tiendo.command.agency.AgencyCommands.RecordHeadLeft;
import vn.tiendo.command.common.Handled;
import vn.tiendo.command.common.Require;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.importing.Names;
import vn.tiendo.events.agency.AgencyAliasRecorded;
import vn.tiendo.events.agency.AgencyMerged;
import vn.tiendo.events.agency.AgencyMoved;
import vn.tiendo.events.agency.AgencyRenamed;
import vn.tiendo.events.agency.AgencySplit;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.agency.HeadAppointed;
import vn.tiendo.events.agency.HeadLeft;
import vn.tiendo.events.common.AgencyKind;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An agency in the province's hierarchy: the province, its departments and units, communes and wards, divisions. */
@Aggregate
public class Agency {

    @AggregateIdentifier
    private String agencyId;
    private String name;
    private String parentAgencyId;
    /** The agency it was merged into and from when: it has ended, and nothing more changes in it. */
    private String mergedInto;
    private LocalDate closedOn;
    /** Who leads it now (null: nobody recorded), since when; and the last day of the previous tenure. */
    private String head;
    private LocalDate headFrom;
    private LocalDate lastTenureEnded;
    /** The names confirmed for it, compared as people write them (no diacritics, case or extra spaces). */
    private final Set<String> aliases = new HashSet<>();

    protected Agency() {
    }

    @CommandHandler
    public Agency(RegisterAgency command) {
        Require.notBlank(command.agencyId(), "agencyId");
        Require.notBlank(command.name(), "name");
        Require.notNull(command.kind(), "kind");
        Require.that(command.kind() == AgencyKind.PROVINCE || command.parentAgencyId() != null,
                "parentAgencyId", "every agency but the province needs a parent");
        Require.that(!command.agencyId().equals(command.parentAgencyId()), "parentAgencyId", "an agency cannot be its own parent");
        apply(new AgencyRegistered(command.agencyId(), command.name(), command.kind(), command.parentAgencyId()));
    }

    /** One head at a time: the one in office leaves before the next is appointed, and tenures do not overlap. */
    @CommandHandler
    public Handled handle(AppointHead command) {
        requireNotMerged();
        Require.notBlank(command.holder(), "holder");
        Require.notBlank(command.position(), "position");
        Require.notBlank(command.decisionReference(), "decisionReference");
        Require.notNull(command.from(), "from");
        if (head != null) {
            throw new StateConflict(head + " leads " + agencyId + " since " + headFrom + "; record their leaving first");
        }
        Require.that(lastTenureEnded == null || command.from().isAfter(lastTenureEnded), "from",
                "the previous tenure ended on " + lastTenureEnded + "; the next begins after it");
        apply(new HeadAppointed(agencyId, command.holder(), command.position(), command.acting(), command.decisionReference(), command.from()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(RecordHeadLeft command) {
        Require.notNull(command.to(), "to");
        Require.notBlank(command.decisionReference(), "decisionReference");
        if (head == null) {
            throw new StateConflict("nobody leads " + agencyId + " now");
        }
        Require.that(!command.to().isBefore(headFrom), "to", head + " took office on " + headFrom + "; they cannot leave before");
        apply(new HeadLeft(agencyId, head, command.to(), command.decisionReference(), command.reason()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(RenameAgency command) {
        requireNotMerged();
        Require.notBlank(command.name(), "name");
        Require.notNull(command.effectiveDate(), "effectiveDate");
        Require.notBlank(command.decisionReference(), "decisionReference");
        if (command.name().strip().equals(name)) {
            throw new StateConflict(agencyId + " is already called " + name);
        }
        apply(new AgencyRenamed(agencyId, name, command.name().strip(), command.effectiveDate(), command.decisionReference()));
        return Handled.applied();
    }

    @CommandHandler
    public Handled handle(MoveAgency command) {
        requireNotMerged();
        Require.notBlank(command.toParentAgencyId(), "toParentAgencyId");
        Require.notNull(command.effectiveDate(), "effectiveDate");
        Require.notBlank(command.decisionReference(), "decisionReference");
        Require.that(!command.toParentAgencyId().equals(agencyId), "toParentAgencyId", "an agency cannot be its own parent");
        if (command.toParentAgencyId().equals(parentAgencyId)) {
            throw new StateConflict(agencyId + " is already under " + parentAgencyId);
        }
        apply(new AgencyMoved(agencyId, parentAgencyId, command.toParentAgencyId(), command.effectiveDate(), command.decisionReference()));
        return Handled.applied();
    }

    /** A head in office leaves first: the merged agency has no one answering for it after its last day. */
    @CommandHandler
    public Handled handle(MergeAgency command) {
        requireNotMerged();
        Require.notBlank(command.intoAgencyId(), "intoAgencyId");
        Require.notNull(command.effectiveDate(), "effectiveDate");
        Require.notBlank(command.decisionReference(), "decisionReference");
        Require.that(!command.intoAgencyId().equals(agencyId), "intoAgencyId", "an agency cannot be merged into itself");
        if (head != null) {
            throw new StateConflict(head + " leads " + agencyId + " since " + headFrom + "; record their leaving before the merger");
        }
        apply(new AgencyMerged(agencyId, command.intoAgencyId(), command.effectiveDate(), command.decisionReference()));
        return Handled.applied();
    }

    /** As a merger: a head in office leaves first. The parts are two or more other agencies, each named once. */
    @CommandHandler
    public Handled handle(SplitAgency command) {
        requireNotMerged();
        List<String> parts = Require.orEmpty(command.intoAgencyIds());
        Require.that(parts.size() >= 2, "intoAgencyIds", "a split has at least two parts (one successor is a merger)");
        Require.that(new HashSet<>(parts).size() == parts.size(), "intoAgencyIds", "each part is named once");
        Require.that(!parts.contains(agencyId), "intoAgencyIds", "an agency cannot be split into itself");
        Require.notNull(command.effectiveDate(), "effectiveDate");
        Require.notBlank(command.decisionReference(), "decisionReference");
        if (head != null) {
            throw new StateConflict(head + " leads " + agencyId + " since " + headFrom + "; record their leaving before the split");
        }
        apply(new AgencySplit(agencyId, parts, command.effectiveDate(), command.decisionReference()));
        return Handled.applied();
    }

    private void requireNotMerged() {
        if (closedOn != null) {
            throw new StateConflict(agencyId + (mergedInto != null ? " was merged into " + mergedInto : " was split") + " on " + closedOn
                    + "; it changes no more");
        }
    }

    /** A name already confirmed for this agency changes nothing: confirming twice records one event. */
    @CommandHandler
    public Handled handle(RecordAlias command) {
        Require.notBlank(command.alias(), "alias");
        if (aliases.contains(Names.normalize(command.alias()))) {
            return Handled.applied(0);
        }
        apply(new AgencyAliasRecorded(agencyId, command.alias().strip()));
        return Handled.applied();
    }

    @EventSourcingHandler
    void on(AgencyAliasRecorded event) {
        aliases.add(Names.normalize(event.alias()));
    }

    @EventSourcingHandler
    void on(AgencyRegistered event) {
        agencyId = event.agencyId();
        name = event.name();
        parentAgencyId = event.parentAgencyId();
    }

    @EventSourcingHandler
    void on(AgencyRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(AgencyMoved event) {
        parentAgencyId = event.toParentAgencyId();
    }

    @EventSourcingHandler
    void on(AgencySplit event) {
        closedOn = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(AgencyMerged event) {
        mergedInto = event.intoAgencyId();
        closedOn = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(HeadAppointed event) {
        head = event.holder();
        headFrom = event.from();
    }

    @EventSourcingHandler
    void on(HeadLeft event) {
        head = null;
        lastTenureEnded = event.to();
    }
}
