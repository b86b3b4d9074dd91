package io.pcmsim.backend.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Tells a fault of the database (connection, transient rollback) from a batch the database refuses. */
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

    /** SQLSTATE class 40: the database rolled back (deadlock, serialization failure); retrying may succeed. */
    static boolean transientRollback(Throwable failure) {
        return hasState(failure, "40");
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
