package vn.tiendo.events.indicator;

import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.RecordEvent;
import vn.tiendo.events.common.Direction;
import vn.tiendo.events.common.Measure;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Target;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.serialization.Revision;

/**
 * A plan defined an indicator (chỉ tiêu): how it is measured, its baseline, its targets per period and who leads and
 * monitors it. The plan's period is copied in so that the indicator can refuse reports outside it. {@code groupPath}:
 * the headings the plan lists it under, outermost first ("I. Chính quyền số"), empty when none.
 * Revision 2 added {@code groupPath}; revision 1 events are read through {@link vn.tiendo.events.upcasting.GroupPathUpcaster}.
 */
@Revision("2")
public record IndicatorDefined(String indicatorId, String planId, String code, String name, String unit, Measure measure, Direction direction, MeasuredValue baseline, String baselineAsWritten, List<Target> targets, String leadAgencyId, String monitoringAgencyId, LocalDate planStart, LocalDate planEnd, List<String> groupPath) implements RecordEvent {

    public IndicatorDefined {
        // required from revision 2: a stored revision 1 event gets it from the upcaster, never by a silent default
        groupPath = List.copyOf(Objects.requireNonNull(groupPath, "groupPath"));
    }

    @Override
    public List<FieldChange> changes() {
        return FieldChange.present(FieldChange.set("planId", planId), FieldChange.set("code", code), FieldChange.set("name", name),
                FieldChange.set("unit", unit), FieldChange.set("measure", measure), FieldChange.set("direction", direction),
                FieldChange.set("baseline", baseline), FieldChange.set("baselineAsWritten", baselineAsWritten),
                FieldChange.set("targets", targets), FieldChange.set("leadAgencyId", leadAgencyId),
                FieldChange.set("monitoringAgencyId", monitoringAgencyId), FieldChange.set("planStart", planStart),
                FieldChange.set("planEnd", planEnd), FieldChange.set("groupPath", groupPath.isEmpty() ? null : groupPath));
    }
}
