package vn.tiendo.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Register as a static {@code @Bean} in each service: creates the database on first start, before the connection
 * pool and Flyway touch it (the pool opens lazily, after this runs).
 */
public class CreateDatabaseIfMissing implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds) {
            PostgresDatabases.createIfMissing(ds.getJdbcUrl(), ds.getUsername(), ds.getPassword());
        }
        return bean;
    }
}
