package vn.tiendo.command.reminder;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * The persistent scheduler behind Axon's deadline manager: db-scheduler on the command side's PostgreSQL table
 * {@code command_side.scheduled_tasks}. Axon's auto-configuration sees this {@link Scheduler} and builds its
 * {@code DbSchedulerDeadlineManager} on it, with its own task among {@code tasks}. Every command-side process polls
 * the table; each deadline is picked by one of them. The scheduler starts once the application is ready (after the
 * demo data is loaded on its simulated clock) and stops when it closes.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(ReportingRules.class)
public class SchedulerConfig {

    private Scheduler scheduler;
    private final boolean enabled;

    /** {@code tiendo.reminders.enabled=false}: deadlines are still scheduled, but none fires in this process. */
    public SchedulerConfig(@Value("${tiendo.reminders.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                       @Value("${tiendo.scheduler.polling-interval:PT5S}") Duration pollingInterval) {
        scheduler = Scheduler.create(dataSource, tasks)
                .tableName("command_side.scheduled_tasks")
                .pollingInterval(pollingInterval)
                .threads(2)
                .enableImmediateExecution()
                .build();
        return scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (enabled) {
            scheduler.start();
        }
    }

    @EventListener(ContextClosedEvent.class)
    public void stop() {
        if (enabled) {
            scheduler.stop();
        }
    }
}
