package io.pcmsim.backend.internal.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDBC database reached by URL: H2 (default, a file under the data directory) or PostgreSQL.
 * Users and passwords, when needed, go into the URL ({@code ?user=...&password=...}).
 * Thread-safe: every {@link #connect()} opens a new connection.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final String jdbcUrl;

    private Database(String jdbcUrl) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("JDBC URL [" + jdbcUrl + "] must start with jdbc:");
        }
    }

    public static Database of(String jdbcUrl) {
        return new Database(jdbcUrl);
    }

    /**
     * URL of the default H2 database in {@code dataDir}: a file {@code backend.mv.db}, in PostgreSQL
     * mode with lower-case identifiers so that one SQL dialect serves H2 and PostgreSQL. H2's own
     * shutdown hook is off ({@code DB_CLOSE_ON_EXIT=FALSE}): the backend closes its store itself when it
     * stops, also on Ctrl-C, and H2 closing the database first would leave a batch in flight unstored.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("backend")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    public String url() {
        return jdbcUrl;
    }

    /** Flyway location of the core's migrations (message and vehicle tables). */
    public static final String CORE_MIGRATIONS = "classpath:db/migration";
    private static final String CLASSPATH = "classpath:";

    /**
     * Applies the core's migrations and those in {@code serviceLocations} (one schema history; out of
     * order allowed, so a service added later may bring versions older than ones already applied);
     * idempotent. A service location {@code classpath:L} may have a sibling {@code classpath:L-postgresql}
     * or {@code classpath:L-h2} with migrations only that database runs (e.g. PostgreSQL's storage parameters).
     */
    public void migrate(List<String> serviceLocations) {
        List<String> locations = new ArrayList<>();
        locations.add(CORE_MIGRATIONS);
        String vendor = jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
        for (String service : serviceLocations) {
            locations.add(service);
            // the same service's statements only one database has (e.g. PostgreSQL's storage parameters)
            String only = service + "-" + vendor;
            if (only.startsWith(CLASSPATH) && Database.class.getClassLoader()
                    .getResource(only.substring(CLASSPATH.length())) != null) {
                locations.add(only);
            }
        }
        MigrateResult result;
        try {
            result = Flyway.configure()
                    .dataSource(jdbcUrl, null, null)
                    .locations(locations.toArray(String[]::new))
                    .javaMigrations(new VehicleRowsRoomForUpdates())
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException("cannot prepare the schema of " + redacted() + ": " + failedStep(e)
                    + rootMessage(e), e);
        }
        if (result.migrationsExecuted > 0) {
            LOG.info("database {} migrated to schema version {} ({} migrations)", redacted(),
                    result.targetSchemaVersion, result.migrationsExecuted);
        } else {
            LOG.debug("database {} schema is up to date", redacted());
        }
    }

    /**
     * Which migration failed ("Failed to execute script V5__x.sql: "), from the first line of the Flyway
     * message in the chain that names it; nothing when Flyway failed before any migration.
     */
    private static String failedStep(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FlywayException && t.getMessage() != null) {
                String first = t.getMessage().strip().lines().findFirst().orElse("").strip();
                if (first.startsWith("Failed to execute") || first.startsWith("Migration ")) {
                    return first + ": ";
                }
            }
        }
        return "";
    }

    /** The innermost cause's message: the driver's words, not Flyway's banner around them. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    /** A new connection with auto-commit on; the caller closes it. */
    public Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl);
        } catch (SQLException e) {
            throw new StorageException("cannot connect to " + redacted() + ": " + e.getMessage(), e);
        }
    }

    /** The URL without its query part, for log lines. */
    public String redacted() {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }
}
