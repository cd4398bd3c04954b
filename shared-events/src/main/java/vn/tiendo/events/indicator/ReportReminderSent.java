package vn.tiendo.events.indicator;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.Notice;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/** A reminder went out before a report's due day: the period is not reported yet. {@code notified}: who was told, how; the event's time is when. */
@Revision("1")
public record ReportReminderSent(String indicatorId, Period period, LocalDate dueDate, String agencyId, List<Notice> notified) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set(FieldChange.perPeriod("reminder", period), notified.size() + " notice(s)"));
    }
}
