package vn.tiendo.query.status;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import vn.tiendo.query.config.JsonColumns;

/**
 * Migration V24: the status spans of the indicators and tasks projected before V23 added their columns, computed by
 * the status rules themselves (a Java migration: the rules are not in SQL). Runs in Flyway's transaction, on its
 * connection, whose search path is schema {@code projection}.
 */
@Component
public class StatusColumnsBackfill implements JavaMigration {

    private final JsonColumns json;

    public StatusColumnsBackfill(JsonColumns json) {
        this.json = json;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("24");
    }

    @Override
    public String getDescription() {
        return "status columns backfill";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        StatusColumns.restatusIndicators(jdbc, json, "i.status_by_deadline is null");
        StatusColumns.restatusTasks(jdbc, "t.status_by_deadline is null");
    }
}
