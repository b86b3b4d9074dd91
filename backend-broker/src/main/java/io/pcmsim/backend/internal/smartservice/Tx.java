package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Transactions of a service outside the ingest path (Smart Service, software update): a connection per call,
 * committed or rolled back.
 */
public final class Tx {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Tx() {
    }

    /** Runs {@code work} with auto-commit (reads). */
    public static <T> T read(Database database, String what, Work<T> work) {
        try (Connection c = database.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction; commits when it returns, rolls back when it throws. */
    public static <T> T write(Database database, String what, Work<T> work) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
