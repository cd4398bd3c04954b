package vn.tiendo.command.emulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import vn.tiendo.command.emulation.EmulationController.LaunchCampaignRequest;
import vn.tiendo.command.emulation.EmulationController.TargetRequest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2026 movement as launched from the catalog: the plan's 19 targets, rounds and award forms, and links from each
 * target to the plan indicators that measure it. A link must name an indicator of the catalog, and a target's first
 * link must be the indicator whose wording is closest to the target's (by shared words), so a shifted code fails.
 */
class CampaignCatalogTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void theMovementHasThePlansRoundsTargetsAndAwards() {
        LaunchCampaignRequest campaign = new CampaignCatalog(json).digitalTransformation2026();
        assertThat(campaign.title()).contains("Chuyển đổi số trên địa bàn tỉnh Bắc Ninh đến năm 2026");
        assertThat(campaign.targets()).hasSize(19);
        assertThat(campaign.rounds()).extracting(EmulationController.RoundRequest::awardDate)
                .containsExactly(LocalDate.of(2025, 10, 10), LocalDate.of(2026, 10, 10));
        assertThat(campaign.awards()).extracting(EmulationController.AwardRequest::code).containsExactly("GIAY_KHEN", "BANG_KHEN");
        assertThat(campaign.awards().get(1).grantedBy()).isEqualTo("Chủ tịch UBND tỉnh");
        assertThat(campaign.to()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(campaign.verifyingAgencyIds()).containsExactly("so-khcn");
        assertThat(new CampaignCatalog(json).coVerifiers()).containsExactly("so-noi-vu");
    }

    @Test
    void everyLinkNamesACatalogIndicatorAndTheFirstIsTheClosestInWording() throws IOException {
        Map<String, String> indicators = new HashMap<>();
        for (JsonNode row : read("catalog/000_indicators.json").get("rows")) {
            indicators.put("QD-1305-2025." + row.get("code").asText(), row.get("name").asText());
        }
        for (JsonNode row : read("catalog/002_indicators.json").get("rows")) {
            indicators.put("KH-SKHCN-DTI-2025." + row.get("code").asText(), row.get("name").asText());
        }
        LaunchCampaignRequest campaign = new CampaignCatalog(json).digitalTransformation2026();
        int linked = 0;
        for (TargetRequest target : campaign.targets()) {
            for (String id : target.indicatorIds()) {
                assertThat(indicators).as(target.code() + " links " + id).containsKey(id);
            }
            if (target.indicatorIds().isEmpty()) {
                continue;
            }
            linked++;
            String first = target.indicatorIds().get(0);
            String closest = indicators.keySet().stream()
                    .max(Comparator.comparingDouble((String id) -> similarity(target.text(), indicators.get(id))).thenComparing(id -> id))
                    .orElseThrow();
            assertThat(first).as(target.code() + " «" + target.text() + "»").isEqualTo(closest);
            assertThat(similarity(target.text(), indicators.get(first))).as(target.code()).isGreaterThanOrEqualTo(0.9);
        }
        // every target of the movement has an indicator of Decision 1305 with its wording
        assertThat(linked).isEqualTo(19);
    }

    /** Shared words over all words (Jaccard), ignoring figures and "tỷ lệ / tỉ lệ / trên / đạt". */
    private static double similarity(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return union.isEmpty() ? 0 : (double) common.size() / union.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}_]+").matcher(text.toLowerCase(Locale.ROOT).replace("tỉ lệ", "tỷ lệ"));
        while (m.find()) {
            String w = m.group();
            if (!w.matches("\\d+") && !Set.of("tỷ", "lệ", "trên", "đạt").contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return json.readTree(in);
        }
    }
}
