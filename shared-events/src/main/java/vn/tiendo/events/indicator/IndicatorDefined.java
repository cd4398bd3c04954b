package vn.tiendo.events.indicator;

import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Target;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A plan defined an indicator (chỉ tiêu): how it is measured, its baseline, its targets per period and who leads and monitors it. The plan's period is copied in so that the indicator can refuse reports outside it. */
@Revision("1")
public record IndicatorDefined(String indicatorId, String planId, String code, String name, String unit, Measure measure, Direction direction, MeasuredValue baseline, String baselineAsWritten, List<Target> targets, String leadAgencyId, String monitoringAgencyId, LocalDate planStart, LocalDate planEnd) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("planId", planId), FieldChange.set("code", code), FieldChange.set("name", name),
                FieldChange.set("unit", unit), FieldChange.set("measure", measure), FieldChange.set("direction", direction),
                FieldChange.set("baseline", baseline), FieldChange.set("baselineAsWritten", baselineAsWritten),
                FieldChange.set("targets", targets), FieldChange.set("leadAgencyId", leadAgencyId),
                FieldChange.set("monitoringAgencyId", monitoringAgencyId), FieldChange.set("planStart", planStart),
                FieldChange.set("planEnd", planEnd));
    }
}
