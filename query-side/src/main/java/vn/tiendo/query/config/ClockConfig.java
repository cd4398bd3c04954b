package vn.tiendo.query.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Statuses depend on "today"; the clock is injected so that a fixed clock gives reproducible answers. */
@Configuration
public class ClockConfig {

    @Bean
    public Clock clock(@Value("${tiendo.clock:}") String fixedInstant, @Value("${tiendo.zone:Asia/Ho_Chi_Minh}") String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        return fixedInstant == null || fixedInstant.isBlank() ? Clock.system(zoneId) : Clock.fixed(Instant.parse(fixedInstant), zoneId);
    }
}
