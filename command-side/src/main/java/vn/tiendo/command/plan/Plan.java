package vn.tiendo.command.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.tiendo.command.common.Require;
import vn.tiendo.events.plan.PlanRegistered;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A plan document (quyết định, kế hoạch) that indicators and tasks belong to. Drafts in circulation often lack
 * their number or date ("Số: /KH-SKHCN"), so the date may be missing and the number is kept as written.
 */
@Aggregate
public class Plan {

    @AggregateIdentifier
    private String planId;

    protected Plan() {
    }

    @CommandHandler
    public Plan(RegisterPlan command) {
        Require.notBlank(command.planId(), "planId");
        Require.notBlank(command.documentNumber(), "documentNumber");
        Require.notBlank(command.issuer(), "issuer");
        Require.notBlank(command.title(), "title");
        Require.notNull(command.periodStart(), "periodStart");
        Require.notNull(command.periodEnd(), "periodEnd");
        Require.that(!command.periodEnd().isBefore(command.periodStart()), "periodEnd", "periodEnd must not be before periodStart");
        apply(new PlanRegistered(command.planId(), command.documentNumber(), command.issuedOn(), command.issuer(),
                command.title(), command.periodStart(), command.periodEnd()));
    }

    @EventSourcingHandler
    void on(PlanRegistered event) {
        planId = event.planId();
    }
}
