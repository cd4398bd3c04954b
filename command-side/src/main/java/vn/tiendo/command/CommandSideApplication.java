package vn.tiendo.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import java.util.Map;

@SpringBootApplication
public class CommandSideApplication {

    /** Each service reads its own {@code <name>.yml}, so both can share one JVM in the end-to-end tests. */
    public static final String CONFIG_NAME = "spring.config.name=command-side";

    public static void main(String[] args) {
        // Axon's update checker would call AxonIQ's servers at start-up; the platform runs offline.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(CommandSideApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "command-side"));
        app.run(args);
    }
}
