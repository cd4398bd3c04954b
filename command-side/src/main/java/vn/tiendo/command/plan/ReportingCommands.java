package vn.tiendo.command.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.plan.ReportingCycle;

import java.util.List;

/** A plan's reporting duties (chế độ báo cáo) and the periodic reports sent under them. */
public final class ReportingCommands {

    private ReportingCommands() {
    }

    /** {@code reporterAgencyId} null: every agency that leads an indicator or task of the plan reports. */
    public record DeclareReportingObligation(@TargetAggregateIdentifier String planId, String obligationId, String reporterAgencyId,
                                             String recipientAgencyId, ReportingCycle cycle, int dueDay, int dueMonthOffset,
                                             String asWritten) {
    }

    public record WithdrawReportingObligation(@TargetAggregateIdentifier String planId, String obligationId, String reason) {
    }

    public record SubmitPeriodicReport(@TargetAggregateIdentifier String planId, String obligationId, Period period, String agencyId,
                                       String note, List<EvidenceRef> evidence) {
    }

    /** The duties' calendar stages that have come, noted at the command's time: how the demo loader plays the calendar. */
    public record NotePeriodicReportStages(@TargetAggregateIdentifier String planId) {
    }
}
