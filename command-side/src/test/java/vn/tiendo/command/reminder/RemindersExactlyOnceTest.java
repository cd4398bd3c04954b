package vn.tiendo.command.reminder;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tiendo.command.CommandSideApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders survive a restart and go out once with two command-side processes, e-mailed through a real SMTP server
 * (GreenMail). The calendar is set so that last month's report falls due today: its reminder is due a few seconds
 * after the indicator is defined (Decision 1305's A.1 and A.2, led by Sở KH&CN).
 */
class RemindersExactlyOnceTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String DATABASE = "tiendo_test_reminders";
    private static final String PASSWORD = "test-only-password";
    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String OFFICERS = "can-bo@so-khcn.example.invalid";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void freshDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void aReminderDueWhileTheServiceIsDownGoesOutOnceAfterItRestartsAndOnceWithTwoProcesses() throws Exception {
        // 1. the service schedules the reminder, stops before it is due, and starts again after
        LocalDateTime firstReminder = LocalDateTime.now(PROVINCE).plusSeconds(25);
        ConfigurableApplicationContext first = start(firstReminder);
        post(first, "/api/agencies", """
                {"agencyId":"ubnd-tinh","name":"UBND tỉnh Bắc Ninh","kind":"PROVINCE"}""");
        post(first, "/api/agencies", """
                {"agencyId":"so-khcn","name":"Sở Khoa học và Công nghệ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}""");
        post(first, "/api/plans", """
                {"planId":"QD-1305-2025","documentNumber":"1305/QĐ-UBND","issuedOn":"2025-10-29","issuer":"UBND tỉnh Bắc Ninh",
                 "title":"Chiến lược chuyển đổi số tỉnh Bắc Ninh giai đoạn 2025-2030","periodStart":"2025-01-01","periodEnd":"2030-12-31"}""");
        post(first, "/api/indicators", indicator("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn"));
        JdbcTemplate db = first.getBean(JdbcTemplate.class);
        assertThat(db.queryForObject("select count(*) from command_side.scheduled_tasks", Long.class)).isEqualTo(1);
        first.close();
        await().atMost(Duration.ofSeconds(60)).until(() -> LocalDateTime.now(PROVINCE).isAfter(firstReminder.plusSeconds(1)));
        ConfigurableApplicationContext restarted = start(firstReminder);
        JdbcTemplate store = restarted.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(store, "QD-1305-2025.A.1") == 1 && MAIL.getReceivedMessages().length == 1);
        Thread.sleep(3000);
        assertThat(reminders(store, "QD-1305-2025.A.1")).isEqualTo(1);
        assertThat(subjects()).containsExactly("Nhắc báo cáo: QD-1305-2025.A.1 kỳ " + YearMonth.now(PROVINCE).minusMonths(1));
        restarted.close();

        // 2. two processes poll the same scheduler table and outbox: one reminder, one e-mail
        LocalDateTime secondReminder = LocalDateTime.now(PROVINCE).plusSeconds(30);
        ConfigurableApplicationContext one = start(secondReminder);
        ConfigurableApplicationContext two = start(secondReminder);
        try {
            post(one, "/api/indicators", indicator("A.2", "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps/s."));
            await().atMost(Duration.ofSeconds(60)).until(() -> reminders(store(one), "QD-1305-2025.A.2") == 1 && MAIL.getReceivedMessages().length == 2);
            Thread.sleep(5000);
            assertThat(reminders(store(two), "QD-1305-2025.A.2")).isEqualTo(1);
            assertThat(subjects()).hasSize(2).contains("Nhắc báo cáo: QD-1305-2025.A.2 kỳ " + YearMonth.now(PROVINCE).minusMonths(1));
            assertThat(store(one).queryForObject("select count(*) from command_side.notification_outbox where sent_at is null", Long.class))
                    .isZero();
        } finally {
            two.close();
            one.close();
        }
    }

    /**
     * A command side whose calendar makes last month's report due today, with its reminder at {@code reminderAt}
     * (due day today, reminded the same day), sending e-mail to GreenMail.
     */
    private static ConfigurableApplicationContext start(LocalDateTime reminderAt) {
        LocalDate today = reminderAt.toLocalDate();
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties(CommandSideApplication.CONFIG_NAME)
                .run("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                        "--tiendo.security.demo-password=" + PASSWORD,
                        "--tiendo.scheduler.polling-interval=PT1S", "--tiendo.notifications.poll=PT1S",
                        "--tiendo.reporting.due-day=" + today.getDayOfMonth(), "--tiendo.reporting.reminder-days-before=0",
                        "--tiendo.reporting.notify-at=" + reminderAt.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                        "--tiendo.reporting.addresses[officers:so-khcn]=" + OFFICERS,
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + MAIL.getSmtp().getPort());
    }

    private static JdbcTemplate store(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class);
    }

    private static long reminders(JdbcTemplate db, String indicatorId) {
        return db.queryForObject("select count(*) from event_store.domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = 'vn.tiendo.events.indicator.ReportReminderSent'", Long.class, indicatorId);
    }

    private static List<String> subjects() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo(OFFICERS);
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private static String indicator(String code, String name) {
        return """
                {"indicatorId":"QD-1305-2025.%1$s","planId":"QD-1305-2025","code":"%1$s","name":"%2$s","unit":"%%",
                 "measure":{"kind":"PERCENT"},"direction":"INCREASE",
                 "targets":[{"period":"2025","comparator":">=","value":{"kind":"PERCENT","value":60},"asWritten":"≥ 60%%"},
                            {"period":"2030","comparator":">=","value":{"kind":"PERCENT","value":100},"asWritten":"100%%"}],
                 "leadAgencyId":"so-khcn","monitoringAgencyId":"so-khcn"}""".formatted(code, name);
    }

    private static void post(ConfigurableApplicationContext context, String path, String body) throws Exception {
        String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("dieu-phoi:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
    }
}
