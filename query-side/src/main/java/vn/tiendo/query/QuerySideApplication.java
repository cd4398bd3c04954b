package vn.tiendo.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Map;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class QuerySideApplication {

    /** Each service reads its own {@code <name>.yml}, so both can share one JVM in the end-to-end tests. */
    public static final String CONFIG_NAME = "spring.config.name=query-side";

    public static void main(String[] args) {
        // Axon's update checker would call AxonIQ's servers at start-up; the platform runs offline.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(QuerySideApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "query-side"));
        app.run(args);
    }
}
