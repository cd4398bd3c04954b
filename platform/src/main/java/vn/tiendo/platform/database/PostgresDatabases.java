package vn.tiendo.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the service's PostgreSQL database when it is missing, so that a fresh machine needs no manual
 * {@code createdb}. Both services call it before their connection pool opens.
 */
public final class PostgresDatabases {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?");

    private PostgresDatabases() {
    }

    public static void createIfMissing(String jdbcUrl, String user, String password) {
        Matcher m = jdbcUrl == null ? null : URL.matcher(jdbcUrl);
        if (m == null || !m.matches()) {
            return; // not a plain PostgreSQL URL we can reason about: leave it to the operator
        }
        String database = m.group(2);
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password == null ? "" : password)) {
            try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                // The name was checked against [A-Za-z0-9_]+ above, so it is safe to inline.
                create.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            // Both services start at once: the other may have created it meanwhile (42P04, or 23505 in the race).
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + database + " at " + maintenanceUrl + ": " + e.getMessage(), e);
            }
        }
    }
}
