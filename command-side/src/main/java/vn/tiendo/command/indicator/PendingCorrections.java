package vn.tiendo.command.indicator;

import vn.tiendo.command.common.RuleViolation;
import vn.tiendo.command.common.StateConflict;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.MeasuredValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Corrections of approved reports waiting for the coordinator: at most one per report, until accepted or rejected. */
final class PendingCorrections {

    record Proposal(String reportId, MeasuredValue newValue, String reason, List<EvidenceRef> evidence, String proposedBy) {
    }

    private final Map<String, Proposal> byId = new HashMap<>();

    Proposal require(String proposalId) {
        Proposal proposal = byId.get(proposalId);
        if (proposal == null) {
            throw new RuleViolation("proposalId", "no pending correction " + proposalId + " on this indicator");
        }
        return proposal;
    }

    void requireNoneFor(String reportId) {
        if (byId.values().stream().anyMatch(p -> p.reportId().equals(reportId))) {
            throw new StateConflict("a correction of report " + reportId + " already awaits the coordinator");
        }
    }

    void proposed(String proposalId, Proposal proposal) {
        byId.put(proposalId, proposal);
    }

    void decided(String proposalId) {
        byId.remove(proposalId);
    }
}
