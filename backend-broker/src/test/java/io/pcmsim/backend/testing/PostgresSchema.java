package io.pcmsim.backend.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A schema of its own in the PostgreSQL database {@code test} on 127.0.0.1:5432 (trust authentication,
 * user {@code postgres}, or the OS user when {@code postgres} is refused), so concurrent test runs do not
 * see each other's rows. Call {@link ExternalServices#requirePostgres()} first.
 */
public final class PostgresSchema {

    private static final String BASE = "jdbc:postgresql://" + ExternalServices.HOST + ":"
            + ExternalServices.POSTGRES_PORT + "/test";

    private final String user;
    private final String name;

    private PostgresSchema(String user, String name) {
        this.user = user;
        this.name = name;
    }

    /** Creates {@code pcmsim_test_<random>}. */
    public static PostgresSchema create() {
        String name = "pcmsim_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        PostgresSchema schema = new PostgresSchema(workingUser(), name);
        schema.execute("CREATE SCHEMA " + name);
        return schema;
    }

    /** URL whose connections use this schema; no password (trust authentication). */
    public String jdbcUrl() {
        return BASE + "?user=" + user + "&currentSchema=" + name;
    }

    public String name() {
        return name;
    }

    /** Like {@link #jdbcUrl()}, with connections named {@code applicationName} in {@code pg_stat_activity}. */
    public String jdbcUrl(String applicationName) {
        return jdbcUrl() + "&ApplicationName=" + applicationName;
    }

    /**
     * Terminates every connection named {@code applicationName} ({@code pg_terminate_backend}), as a
     * database restart or a network fault would.
     *
     * @return how many connections were terminated
     */
    public int terminateConnections(String applicationName) {
        String sql = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?";
        try (Connection c = DriverManager.getConnection(BASE + "?user=" + user);
             java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, applicationName);
            int terminated = 0;
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    terminated += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return terminated;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + BASE + " refused to terminate the connections of "
                    + applicationName + ": " + e.getMessage(), e);
        }
    }

    /** Drops and creates the schema: empty again. */
    public void recreate() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        execute("CREATE SCHEMA " + name);
    }

    /** Drops the schema with everything in it. */
    public void drop() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(BASE + "?user=" + user);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + BASE + " as " + user + " refused [" + sql + "]: "
                    + e.getMessage(), e);
        }
    }

    private static String workingUser() {
        SQLException first = null;
        for (String user : new String[] {"postgres", System.getProperty("user.name")}) {
            try (Connection c = DriverManager.getConnection(BASE + "?user=" + user)) {
                return user;
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        throw new IllegalStateException("PostgreSQL at " + BASE + " accepts neither user postgres nor "
                + System.getProperty("user.name") + " without password (trust authentication needed), or database"
                + " test is missing (createdb -U postgres test): " + first.getMessage(), first);
    }
}
