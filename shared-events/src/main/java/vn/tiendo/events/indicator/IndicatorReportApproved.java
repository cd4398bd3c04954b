package vn.tiendo.events.indicator;

import java.util.List;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.Period;
import org.axonframework.serialization.Revision;

/** The head of the agency (or the coordinating department) approved a report: its period is locked; later corrections need the coordinator's acceptance. */
@Revision("1")
public record IndicatorReportApproved(String indicatorId, String reportId, Period period) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of();
    }
}
