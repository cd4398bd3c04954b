package vn.tiendo.command.agency;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.tiendo.command.common.Require;
import vn.tiendo.events.agency.AgencyRegistered;
import vn.tiendo.events.common.AgencyKind;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An agency in the province's hierarchy: the province, its departments and units, communes and wards, divisions. */
@Aggregate
public class Agency {

    @AggregateIdentifier
    private String agencyId;

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

    @EventSourcingHandler
    void on(AgencyRegistered event) {
        agencyId = event.agencyId();
    }
}
