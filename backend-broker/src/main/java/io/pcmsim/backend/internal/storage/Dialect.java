package io.pcmsim.backend.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The few statements that differ between the databases. Everything else (schema, most statements) is one
 * portable SQL. PostgreSQL answers over the network, so there one statement handles a whole batch
 * ({@code INSERT ... RETURNING}, {@code INSERT ... ON CONFLICT DO UPDATE}, {@code UPDATE ... FROM (VALUES ...)});
 * H2 runs in-process, has none of them, and gets a JDBC batch of one statement per row, which costs no
 * round trip there.
 */
public enum Dialect {
    H2,
    POSTGRESQL;

    /** The dialect of {@code connection}'s database: PostgreSQL by its product name, H2 otherwise. */
    public static Dialect of(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? POSTGRESQL : H2;
    }
}
