package vn.tiendo.query.e2e;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.tiendo.command.CommandSideApplication;
import vn.tiendo.query.QuerySideApplication;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/** Both services started as a user would start them, on a fresh PostgreSQL database of their own. */
final class Platform implements AutoCloseable {

    /** The key both services share for the web pages' commands (a test value, made up here). */
    static final String INTERNAL_KEY = "test-only-internal-key-of-enough-length";

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

    /**
     * {@code clock}: the query side's fixed "now" (an ISO instant), or null for the real clock; {@code querySideArgs}: more
     * arguments for the query side (a profile, the OIDC issuer).
     */
    static Platform start(String database, String clock, String... querySideArgs) throws Exception {
        return start(database, clock, List.of(), querySideArgs);
    }

    /**
     * {@code commandSideArgs}: more arguments for the command side. The database is made here, by its owner, so that
     * services logging in as roles that may not create databases find it.
     */
    static Platform start(String database, String clock, List<String> commandSideArgs, String... querySideArgs) throws Exception {
        freshDatabase(database);
        ConfigurableApplicationContext commandSide = commandSide(database, commandSideArgs);
        ConfigurableApplicationContext querySide = querySide(database, clock,
                "http://127.0.0.1:" + commandSide.getEnvironment().getProperty("local.server.port"), querySideArgs);
        return new Platform(commandSide, querySide);
    }

    /** An empty database of this name, made by its owner (the one there before dropped). */
    static void freshDatabase(String database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " encoding 'UTF8' template template0");
        }
    }

    /** What either service is started with as a process of its own ({@link ServiceProcess}) on this database. */
    static List<String> processArgs(String database) {
        return List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database, "--tiendo.security.demo-password=" + Http.PASSWORD,
                "--tiendo.security.internal-key=" + INTERNAL_KEY);
    }

    /** A command side on an existing database (one more process, as far as the database can tell). */
    static ConfigurableApplicationContext commandSide(String database, List<String> args) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties(CommandSideApplication.CONFIG_NAME)
                .run(Stream.concat(Stream.of("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                                "--tiendo.security.demo-password=" + Http.PASSWORD, "--tiendo.security.internal-key=" + INTERNAL_KEY,
                                // no reminder may fire in the middle of a scenario that counts events
                                "--tiendo.reminders.enabled=false"), args.stream()).toArray(String[]::new));
    }

    /** A query side on an existing database; {@code clock} as in {@link #start}. */
    static ConfigurableApplicationContext querySide(String database, String clock, String commandSideUrl, String... args) {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties(QuerySideApplication.CONFIG_NAME)
                .run(Stream.concat(Stream.of("--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                        "--tiendo.clock=" + (clock == null ? "" : clock), "--tiendo.security.demo-password=" + Http.PASSWORD,
                        "--tiendo.security.internal-key=" + INTERNAL_KEY, "--tiendo.command-side.url=" + commandSideUrl),
                        Stream.of(args)).toArray(String[]::new));
    }

    /** The province, Sở KH&CN and Decision 1305/QĐ-UBND, which every scenario starts from. */
    void registerStrategyPlan(Http http) {
        registerStrategyPlan(http, commands);
    }

    /** The same, on a command side at {@code commands} started some other way (a process of its own). */
    static void registerStrategyPlan(Http http, String commands) {
        for (String[] command : new String[][]{
                {"/api/agencies", """
                        {"agencyId":"ubnd-tinh","name":"UBND tỉnh Bắc Ninh","kind":"PROVINCE"}"""},
                {"/api/agencies", """
                        {"agencyId":"so-khcn","name":"Sở Khoa học và Công nghệ","kind":"DEPARTMENT","parentAgencyId":"ubnd-tinh"}"""},
                {"/api/plans", """
                        {"planId":"QD-1305-2025","documentNumber":"1305/QĐ-UBND","issuedOn":"2025-10-29","issuer":"UBND tỉnh Bắc Ninh",
                         "title":"Chiến lược chuyển đổi số tỉnh Bắc Ninh giai đoạn 2025-2030","periodStart":"2025-01-01","periodEnd":"2030-12-31"}"""}}) {
            Http.Response response = http.post(commands + command[0], command[1]);
            if (response.status() != 201) {
                throw new IllegalStateException(command[0] + " answered " + response.status() + ": " + response.body());
            }
        }
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }
}
