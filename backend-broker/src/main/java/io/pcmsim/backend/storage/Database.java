package io.pcmsim.backend.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import org.flywaydb.core.Flyway;
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
     * mode with lower-case identifiers so that one SQL dialect serves H2 and PostgreSQL.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("backend")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public String url() {
        return jdbcUrl;
    }

    /** Applies the Flyway migrations in {@code db/migration}; idempotent. */
    public void migrate() {
        var result = Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("database {} migrated to schema version {} ({} migrations)", redacted(),
                    result.targetSchemaVersion, result.migrationsExecuted);
        } else {
            LOG.debug("database {} schema is up to date", redacted());
        }
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
