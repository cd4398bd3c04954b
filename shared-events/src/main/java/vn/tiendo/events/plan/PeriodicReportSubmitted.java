package vn.tiendo.events.plan;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.EvidenceRef;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.RecordEvent;

import java.util.List;

/**
 * An agency sent its periodic report (báo cáo định kỳ) under one of the plan's reporting duties: for which period,
 * the report's document and files. When it arrived is the event's recorded time, against the duty's due day.
 */
@Revision("1")
public record PeriodicReportSubmitted(String planId, String obligationId, Period period, String agencyId, String note,
                                      List<EvidenceRef> evidence) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set(FieldChange.perPeriod("report[" + obligationId + "][" + agencyId + "]", period), "submitted"));
    }
}
