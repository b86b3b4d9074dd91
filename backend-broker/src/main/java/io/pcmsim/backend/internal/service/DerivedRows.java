package io.pcmsim.backend.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows a service derived from stored messages, deleted in the transaction that deletes those messages
 * (before them), so nothing derived outlives the message it came from.
 */
public interface DerivedRows {

    /** The tables it deletes from, in order (for the run records). */
    List<String> tables();

    /**
     * Deletes the rows derived from {@code messages} (at most a retention batch, never empty) and counts them
     * into {@code deleted}. Runs inside the caller's transaction: must not commit or roll back.
     */
    void delete(Connection connection, List<MessageKey> messages, DeletedRows deleted) throws SQLException;

    /** The rows of {@code table} keyed (vin, boot_id, sequence) like the message they were stored from. */
    static DerivedRows keyedLike(String table) {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("table [" + table + "] must be a plain lower-case SQL name");
        }
        String head = "DELETE FROM " + table + " WHERE (vin, boot_id, sequence) IN ";
        return new DerivedRows() {
            @Override
            public List<String> tables() {
                return List.of(table);
            }

            @Override
            public void delete(Connection connection, List<MessageKey> messages, DeletedRows deleted)
                    throws SQLException {
                try (PreparedStatement ps = connection.prepareStatement(head
                        + MessageKeys.in(connection, messages.size()))) {
                    MessageKeys.bind(connection, ps, 1, messages);
                    deleted.add(table, ps.executeUpdate());
                }
            }
        };
    }
}
