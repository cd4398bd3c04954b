package vn.tiendo.query.e2e;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tiendo.command.CommandSideApplication;
import vn.tiendo.query.QuerySideApplication;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Both services started as a user would start them, on a fresh PostgreSQL database of their own. */
final class Platform implements AutoCloseable {

    final ConfigurableApplicationContext commandSide;
    final ConfigurableApplicationContext querySide;
    final String commands;
    final String queries;

    private Platform(ConfigurableApplicationContext commandSide, ConfigurableApplicationContext querySide) {
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.commands = "http://127.0.0.1:" + commandSide.getEnvironment().getProperty("local.server.port");
        this.queries = "http://127.0.0.1:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    /** {@code clock}: the query side's fixed "now" (an ISO instant), or null for the real clock. */
    static Platform start(String database, String clock) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
        String url = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database;
        ConfigurableApplicationContext commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties(CommandSideApplication.CONFIG_NAME)
                .run("--server.port=0", url);
        ConfigurableApplicationContext querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .properties(QuerySideApplication.CONFIG_NAME)
                .run("--server.port=0", url, "--tiendo.clock=" + (clock == null ? "" : clock));
        return new Platform(commandSide, querySide);
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }
}
