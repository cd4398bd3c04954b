package vn.tiendo.command.emulation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.tiendo.command.common.Handled;
import vn.tiendo.command.common.Require;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.command.emulation.EmulationCommands.LaunchCampaign;
import vn.tiendo.command.emulation.EmulationCommands.NameCoVerifier;
import vn.tiendo.events.emulation.AwardForm;
import vn.tiendo.events.emulation.CampaignLaunched;
import vn.tiendo.events.emulation.CampaignTarget;
import vn.tiendo.events.emulation.CoVerifierNamed;
import vn.tiendo.events.emulation.Round;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An emulation campaign (phong trào thi đua): its rounds, targets, award forms and verifying agencies. */
@Aggregate
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private final Set<String> verifiers = new HashSet<>();

    protected Campaign() {
    }

    @CommandHandler
    public Campaign(LaunchCampaign command) {
        Require.notBlank(command.campaignId(), "campaignId");
        Require.notBlank(command.title(), "title");
        Require.notNull(command.from(), "from");
        Require.notNull(command.to(), "to");
        Require.that(!command.to().isBefore(command.from()), "to", "the campaign ends before it begins");
        List<Round> rounds = Require.orEmpty(command.rounds());
        Require.that(!rounds.isEmpty(), "rounds", "a campaign has at least one round");
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            String field = "rounds[" + i + "]";
            Require.that(round.number() == i + 1, field + ".number", "rounds are numbered 1, 2, … in order");
            Require.notBlank(round.name(), field + ".name");
            Require.that(round.opensOn() != null && round.closesOn() != null && round.awardDate() != null, field,
                    "a round needs opensOn, closesOn and awardDate");
            Require.that(!round.closesOn().isBefore(round.opensOn()), field + ".closesOn", "nominations close before they open");
            Require.that(!round.awardDate().isBefore(round.closesOn()), field + ".awardDate", "awards come after nominations close");
            Require.that(i == 0 || round.opensOn().isAfter(rounds.get(i - 1).closesOn()), field + ".opensOn",
                    "a round opens after the previous one closes");
        }
        List<CampaignTarget> targets = Require.orEmpty(command.targets());
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Require.notBlank(targets.get(i).code(), "targets[" + i + "].code");
            Require.notBlank(targets.get(i).text(), "targets[" + i + "].text");
            Require.that(codes.add(targets.get(i).code()), "targets[" + i + "].code", "target " + targets.get(i).code() + " is listed twice");
        }
        List<AwardForm> awards = Require.orEmpty(command.awards());
        Require.that(!awards.isEmpty(), "awards", "a campaign names at least one award form");
        Set<String> awardCodes = new HashSet<>();
        for (int i = 0; i < awards.size(); i++) {
            Require.notBlank(awards.get(i).code(), "awards[" + i + "].code");
            Require.notBlank(awards.get(i).grantedBy(), "awards[" + i + "].grantedBy");
            Require.that(awardCodes.add(awards.get(i).code()), "awards[" + i + "].code", "award " + awards.get(i).code() + " is listed twice");
        }
        List<String> verifying = Require.orEmpty(command.verifyingAgencyIds());
        Require.that(!verifying.isEmpty(), "verifyingAgencyIds", "someone must verify the nominations");
        apply(new CampaignLaunched(command.campaignId(), command.title(), command.source(), command.from(), command.to(), rounds,
                targets.stream().map(t -> new CampaignTarget(t.code(), t.text(), t.comparator(), t.value(), Require.orEmpty(t.indicatorIds())))
                        .toList(), awards, command.collectiveStandard(), command.individualStandard(), verifying));
    }

    @CommandHandler
    public Handled handle(NameCoVerifier command) {
        Require.notBlank(command.agencyId(), "agencyId");
        if (verifiers.contains(command.agencyId())) {
            throw new StateConflict(command.agencyId() + " already verifies " + campaignId);
        }
        apply(new CoVerifierNamed(campaignId, command.agencyId()));
        return Handled.applied();
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        campaignId = event.campaignId();
        verifiers.addAll(event.verifyingAgencyIds());
    }

    @EventSourcingHandler
    void on(CoVerifierNamed event) {
        verifiers.add(event.agencyId());
    }
}
