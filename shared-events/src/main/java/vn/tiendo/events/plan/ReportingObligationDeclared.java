package vn.tiendo.events.plan;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/**
 * A plan's reporting duty (chế độ báo cáo), as the plan writes it: who reports ({@code reporterAgencyId}, or, when
 * null, every agency that leads an indicator or task of the plan) to whom ({@code recipientAgencyId}), how often,
 * and by which day ({@link ReportingCycle#dueDate}); {@code asWritten} keeps the plan's own words.
 */
@Revision("1")
public record ReportingObligationDeclared(String planId, String obligationId, String reporterAgencyId, String recipientAgencyId,
                                          ReportingCycle cycle, int dueDay, int dueMonthOffset, String asWritten) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        String prefix = "obligation[" + obligationId + "].";
        return FieldChange.present(FieldChange.set(prefix + "reporter", reporterAgencyId == null ? "lead agencies" : reporterAgencyId),
                FieldChange.set(prefix + "recipient", recipientAgencyId), FieldChange.set(prefix + "cycle", cycle),
                FieldChange.set(prefix + "due", asWritten));
    }
}
