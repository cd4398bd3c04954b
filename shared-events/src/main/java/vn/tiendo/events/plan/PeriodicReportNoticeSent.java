package vn.tiendo.events.plan;

import org.axonframework.serialization.Revision;
import vn.tiendo.events.common.FieldChange;
import vn.tiendo.events.common.Notice;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.common.RecordEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * A periodic report an agency owes had not come at a stage of its duty's calendar ({@code stage}: {@code REMINDER}
 * before the due day, {@code OVERDUE} the day after, {@code ESCALATION} days later), and these people were told, by
 * these means, at the event's time — so "we were never told" can be checked.
 */
@Revision("1")
public record PeriodicReportNoticeSent(String planId, String obligationId, Period period, String agencyId, String stage,
                                       LocalDate dueDate, List<Notice> notified) implements RecordEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set(FieldChange.perPeriod("notice[" + obligationId + "][" + agencyId + "]", period),
                stage + ": " + notified.size() + " notice(s)"));
    }
}
