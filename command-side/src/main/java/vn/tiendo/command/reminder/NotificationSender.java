package vn.tiendo.command.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Sends what the outbox holds: by e-mail when a mail server is configured ({@code spring.mail.host}) and the notice
 * has an address, else to the log. Each notice is claimed ({@code for update skip locked}), sent and marked sent in
 * one transaction, so two processes never send the same notice; a failure is retried later (after 1, 2, 4… minutes,
 * up to an hour). A process that dies between the mail server's acceptance and the commit sends that notice again
 * on the next round (at least once); the message names the event and the recipient, so that a reader can tell a repeat.
 */
@Component
public class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    public NotificationSender(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectProvider<JavaMailSender> mail,
                              @Value("${tiendo.notifications.from:tien-do@localhost}") String from) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mail = mail;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${tiendo.notifications.poll:PT5S}")
    public void sendPending() {
        while (Boolean.TRUE.equals(transaction.execute(tx -> sendOne()))) {
            // one notice per transaction, until none is due
        }
    }

    /** Claims, sends and marks one due notice; false when none is due. */
    private boolean sendOne() {
        List<Map<String, Object>> due = jdbc.queryForList("select * from command_side.notification_outbox "
                + "where sent_at is null and next_attempt_at <= now() order by created_at limit 1 for update skip locked");
        if (due.isEmpty()) {
            return false;
        }
        Map<String, Object> notice = due.get(0);
        String eventId = (String) notice.get("event_identifier");
        String recipient = (String) notice.get("recipient");
        try {
            deliver(notice);
            jdbc.update("update command_side.notification_outbox set sent_at = ?, attempts = attempts + 1, last_error = null "
                    + "where event_identifier = ? and recipient = ?", Instant.now().atOffset(ZoneOffset.UTC), eventId, recipient);
        } catch (RuntimeException e) {
            int attempts = ((Number) notice.get("attempts")).intValue() + 1;
            long minutes = Math.min(60, 1L << Math.min(attempts - 1, 6));
            log.warn("Notice {} to {} failed (attempt {}), retrying in {} min: {}", eventId, recipient, attempts, minutes, e.getMessage());
            jdbc.update("update command_side.notification_outbox set attempts = ?, last_error = ?, next_attempt_at = ? "
                            + "where event_identifier = ? and recipient = ?", attempts, e.getMessage(),
                    Instant.now().plusSeconds(60 * minutes).atOffset(ZoneOffset.UTC), eventId, recipient);
        }
        return true;
    }

    private void deliver(Map<String, Object> notice) {
        JavaMailSender sender = mail.getIfAvailable();
        String address = (String) notice.get("address");
        if (sender == null || address == null || !"EMAIL".equals(notice.get("channel"))) {
            log.info("Notice to {}: {} — {}", notice.get("recipient"), notice.get("subject"), notice.get("body"));
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        message.setSubject((String) notice.get("subject"));
        message.setText(notice.get("body") + "\n\n(" + notice.get("event_identifier") + " / " + notice.get("recipient") + ")");
        sender.send(message);
    }
}
