package vn.tiendo.events.emulation;

import vn.tiendo.events.common.Comparator;

import java.math.BigDecimal;
import java.util.List;

/**
 * One target of a campaign as the plan writes it ("Trên 90% ... "), with the plan indicators that measure it. A target
 * no indicator measures is judged on the evidence a nomination brings.
 */
public record CampaignTarget(String code, String text, Comparator comparator, BigDecimal value, List<String> indicatorIds) {

    public boolean judgedOnEvidence() {
        return indicatorIds == null || indicatorIds.isEmpty();
    }
}
