package io.pcmsim.backend.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A table whose rows carry their own backend time (not keyed like a message), deleted when that time is at or
 * before the cutoff, in batches.
 *
 * @param table the table, a plain lower-case SQL name
 * @param timeColumn its {@code TIMESTAMP WITH TIME ZONE} column of backend time (when the row was received or
 *        created), compared with the cutoff
 * @param key the columns of its primary key, at least one
 */
public record ExpiringRows(String table, String timeColumn, List<String> key) {

    public ExpiringRows {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(timeColumn, "timeColumn");
        key = List.copyOf(key);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("table " + table + " needs its key columns to be deleted in batches");
        }
        for (String name : concat(table, timeColumn, key)) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("[" + name + "] must be a plain lower-case SQL name");
            }
        }
    }

    /** {@code table} by {@code timeColumn}, keyed by {@code key}. */
    public static ExpiringRows of(String table, String timeColumn, String... key) {
        return new ExpiringRows(table, timeColumn, List.of(key));
    }

    /**
     * Deletes at most {@code limit} rows whose time is at or before {@code cutoff}, in the caller's transaction.
     *
     * @return rows deleted; fewer than {@code limit}: none expired is left (but for rows written meanwhile)
     */
    public int deleteBatch(Connection connection, Instant cutoff, int limit) throws SQLException {
        String columns = "(" + String.join(", ", key) + ")";
        String sql = "DELETE FROM " + table + " WHERE " + columns + " IN (SELECT " + String.join(", ", key)
                + " FROM " + table + " WHERE " + timeColumn + " <= ? FETCH FIRST ? ROWS ONLY)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            ps.setInt(2, limit);
            return ps.executeUpdate();
        }
    }

    private static List<String> concat(String table, String timeColumn, List<String> key) {
        return Stream.concat(Stream.of(table, timeColumn), key.stream()).toList();
    }
}
