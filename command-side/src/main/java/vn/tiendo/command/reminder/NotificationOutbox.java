package vn.tiendo.command.reminder;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.MetadataKeys;
import vn.tiendo.events.common.Notice;
import vn.tiendo.events.common.Period;
import vn.tiendo.events.indicator.ReportEscalated;
import vn.tiendo.events.indicator.ReportOverdue;
import vn.tiendo.events.indicator.ReportReminderSent;
import vn.tiendo.events.plan.PeriodicReportNoticeSent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes the notices an event decided into the outbox, in the event's own transaction (a subscribing processor),
 * one row per recipient: an event that is stored has its notices queued, and one that is not has none.
 */
@Component
@ProcessingGroup(NotificationOutbox.PROCESSING_GROUP)
public class NotificationOutbox {

    public static final String PROCESSING_GROUP = "notification-outbox";

    private final JdbcTemplate jdbc;

    public NotificationOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportReminderSent event, EventMessage<?> message, @Timestamp Instant at) {
        queue(message, event.notified(), at, "Nhắc báo cáo: " + event.indicatorId() + " kỳ " + event.period(),
                text("Báo cáo kỳ %s của chỉ tiêu %s (%s) đến hạn ngày %s.", event.period(), event.indicatorId(), event.agencyId(), event.dueDate()));
    }

    @EventHandler
    void on(PeriodicReportNoticeSent event, EventMessage<?> message, @Timestamp Instant at) {
        String what = switch (event.stage()) {
            case "REMINDER" -> "Nhắc gửi báo cáo định kỳ";
            case "OVERDUE" -> "Quá hạn báo cáo định kỳ";
            default -> "Báo cáo định kỳ chậm kéo dài";
        };
        queue(message, event.notified(), at, what + ": " + event.planId() + " kỳ " + event.period(),
                "Báo cáo định kỳ kỳ %s của %s theo kế hoạch %s (chế độ báo cáo %s), hạn ngày %s, chưa được gửi."
                        .formatted(event.period(), event.agencyId(), event.planId(), event.obligationId(), event.dueDate()));
    }

    @EventHandler
    void on(ReportOverdue event, EventMessage<?> message, @Timestamp Instant at) {
        queue(message, event.notified(), at, "Quá hạn báo cáo: " + event.indicatorId() + " kỳ " + event.period(),
                text("Báo cáo kỳ %s của chỉ tiêu %s (%s) đã quá hạn ngày %s mà chưa có.", event.period(), event.indicatorId(), event.agencyId(),
                        event.dueDate()));
    }

    @EventHandler
    void on(ReportEscalated event, EventMessage<?> message, @Timestamp Instant at) {
        queue(message, event.notified(), at, "Báo cáo chậm kéo dài: " + event.indicatorId() + " kỳ " + event.period(),
                text("Báo cáo kỳ %s của chỉ tiêu %s (%s), hạn ngày %s, vẫn chưa có; đề nghị người đứng đầu chỉ đạo.", event.period(),
                        event.indicatorId(), event.agencyId(), event.dueDate()));
    }

    private void queue(EventMessage<?> message, List<Notice> notices, Instant at, String subject, String body) {
        if (Boolean.TRUE.equals(message.getMetaData().get(MetadataKeys.DEMO))) {
            return; // the demo's history told nobody: nothing to send for it
        }
        for (Notice notice : notices) {
            jdbc.update("insert into command_side.notification_outbox (event_identifier, recipient, channel, address, subject, body, "
                            + "created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    message.getIdentifier(), notice.recipient(), notice.channel(), notice.address(), subject, body, at.atOffset(ZoneOffset.UTC),
                    at.atOffset(ZoneOffset.UTC));
        }
    }

    private static String text(String format, Period period, String indicatorId, String agencyId, LocalDate due) {
        return format.formatted(period, indicatorId, agencyId, due);
    }
}
