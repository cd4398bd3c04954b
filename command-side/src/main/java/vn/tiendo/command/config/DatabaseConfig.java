package vn.tiendo.command.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.tiendo.platform.database.CreateDatabaseIfMissing;

@Configuration
public class DatabaseConfig {

    @Bean
    public static CreateDatabaseIfMissing createDatabaseIfMissing() {
        return new CreateDatabaseIfMissing();
    }
}
