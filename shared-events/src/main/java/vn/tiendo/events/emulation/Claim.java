package vn.tiendo.events.emulation;

import vn.tiendo.events.common.EvidenceRef;

import java.util.List;

/** One achievement a nomination claims, against a campaign target, resting on records and evidence. */
public record Claim(String claimId, String targetCode, String achievement, List<Citation> citations, List<EvidenceRef> evidence) {
}
