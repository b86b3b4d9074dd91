package io.pcmsim.backend.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells a batch the database refuses (its data: SQLSTATE class 22 data exception, 23 integrity constraint
 * violation, or an exception of our own code deriving rows from it) from a fault of the database (a lost
 * connection, a transient rollback, a missing table, a full disk, anything else), which is retried: a
 * message is rejected only when it is its own fault, never because the database is broken.
 */
final class DatabaseFaults {

    private static final int VALID_TIMEOUT_SECONDS = 2;

    private DatabaseFaults() {
    }

    /**
     * Whether the connection is gone: SQLSTATE class 08 (connection exception), 57P (PostgreSQL: operator
     * intervention, e.g. {@code pg_terminate_backend}) anywhere in the cause chain, or a connection that
     * no longer answers {@link Connection#isValid(int)}.
     */
    static boolean connectionLost(Connection c, Throwable failure) {
        if (hasState(failure, "08") || hasState(failure, "57P")) {
            return true;
        }
        try {
            return !c.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return true;
        }
    }

    /** Whether the batch's data, not the database, is at fault: SQLSTATE class 22 or 23, or no SQL error at all. */
    static boolean batchAtFault(Throwable failure) {
        return hasState(failure, "22") || hasState(failure, "23") || !hasSqlException(failure);
    }

    private static boolean hasSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasState(Throwable failure, String prefix) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && next.getSQLState().startsWith(prefix)) {
                        return true;
                    }
                }
            }
            for (Throwable s : t.getSuppressed()) {
                if (s != failure && hasState(s, prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
