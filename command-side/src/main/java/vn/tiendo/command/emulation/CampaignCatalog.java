package vn.tiendo.command.emulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.tiendo.command.emulation.EmulationController.AwardRequest;
import vn.tiendo.command.emulation.EmulationController.LaunchCampaignRequest;
import vn.tiendo.command.emulation.EmulationController.RoundRequest;
import vn.tiendo.command.emulation.EmulationController.TargetRequest;
import vn.tiendo.events.common.Comparator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The movement "Chuyển đổi số trên địa bàn tỉnh Bắc Ninh đến năm 2026" as the launch request the coordinating
 * department sends: catalog/004_emulation.json (the plan's rounds, 19 targets and award forms) read together with
 * catalog/004_emulation_links.json (our reading: nomination dates, verifiers, and the indicators behind each target).
 */
public final class CampaignCatalog {

    private final ObjectMapper json;

    public CampaignCatalog(ObjectMapper json) {
        this.json = json;
    }

    public LaunchCampaignRequest digitalTransformation2026() {
        JsonNode plan = read("catalog/004_emulation.json");
        JsonNode ours = read("catalog/004_emulation_links.json");
        List<RoundRequest> rounds = new ArrayList<>();
        for (int i = 0; i < plan.get("rounds").size(); i++) {
            JsonNode round = plan.get("rounds").get(i);
            JsonNode dates = ours.get("rounds").get(i);
            rounds.add(new RoundRequest(i + 1, round.get("name").asText(), round.get("occasion").asText(),
                    LocalDate.parse(dates.get("opensOn").asText()), LocalDate.parse(dates.get("closesOn").asText()),
                    LocalDate.parse(round.get("date").asText())));
        }
        List<TargetRequest> targets = new ArrayList<>();
        for (JsonNode target : plan.get("targets")) {
            String code = target.get("code").asText();
            List<String> indicators = new ArrayList<>();
            ours.path("links").path(code).forEach(id -> indicators.add(id.asText()));
            targets.add(new TargetRequest(code, target.get("text").asText(), Comparator.fromSymbol(target.get("comparator").asText()),
                    target.get("target_value").decimalValue(), indicators));
        }
        List<AwardRequest> awards = new ArrayList<>();
        for (JsonNode award : plan.get("rewards")) {
            String form = award.get("form").asText();
            String code = null;
            for (JsonNode known : ours.get("awards")) {
                if (known.get("form").asText().equals(form)) {
                    code = known.get("code").asText();
                }
            }
            awards.add(new AwardRequest(code, form, award.get("granted_by").asText(),
                    award.hasNonNull("proposed_by") ? award.get("proposed_by").asText() : null));
        }
        List<String> verifiers = new ArrayList<>();
        ours.get("verifyingAgencyIds").forEach(a -> verifiers.add(a.asText()));
        return new LaunchCampaignRequest(ours.get("campaignId").asText(), plan.get("title").asText(), plan.get("source").asText(),
                LocalDate.of(Integer.parseInt(plan.get("period").get("from").asText()), 1, 1),
                LocalDate.parse(plan.get("period").get("to").asText()), rounds, targets, awards,
                ours.get("collectiveStandard").asText(), ours.get("individualStandard").asText(), verifiers);
    }

    /** The agencies named to verify with the lead verifier after launch (Sở Nội vụ). */
    public List<String> coVerifiers() {
        List<String> agencies = new ArrayList<>();
        read("catalog/004_emulation_links.json").get("coVerifierAgencyIds").forEach(a -> agencies.add(a.asText()));
        return agencies;
    }

    private JsonNode read(String resource) {
        try (InputStream in = CampaignCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
