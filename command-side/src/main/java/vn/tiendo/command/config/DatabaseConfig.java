package vn.tiendo.command.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.tiendo.shared.PostgresDatabases;

@Configuration
public class DatabaseConfig {

    /** Creates the database on first start, before the pool and Flyway touch it. */
    @Bean
    public static BeanPostProcessor createDatabaseIfMissing() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource ds) {
                    PostgresDatabases.createIfMissing(ds.getJdbcUrl(), ds.getUsername(), ds.getPassword());
                }
                return bean;
            }
        };
    }
}
