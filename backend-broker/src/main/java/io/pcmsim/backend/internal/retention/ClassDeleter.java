package io.pcmsim.backend.internal.retention;

import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.DeletedRows;
import io.pcmsim.backend.internal.service.DerivedRows;
import io.pcmsim.backend.internal.service.ExpiringRows;
import io.pcmsim.backend.internal.service.MessageKey;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.protocol.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Deletes what expired of one data class, batch after batch, each batch one transaction: at most
 * {@code batchSize} expired raw messages with the rows derived from them, then the class's tables with their
 * own time, {@code batchSize} rows at a time. Each batch locks only the rows it deletes, and briefly, so the
 * writer storing new messages is never held up for long.
 *
 * <p>A raw message has expired when its {@code received_at} is at or before the cutoff. PostgreSQL finds them
 * through a BRIN index on {@code received_at} (tiny, and next to free for the writer, since rows arrive in
 * time order); H2 scans.
 */
final class ClassDeleter {

    static final String MESSAGES = "uplink_message";
    private static final String EXPIRED = "SELECT vin, boot_id, sequence FROM uplink_message"
            + " WHERE service = ? AND received_at <= ? FETCH FIRST ? ROWS ONLY";
    private static final DerivedRows RAW = DerivedRows.keyedLike(MESSAGES);

    private final int batchSize;
    private final BooleanSupplier stopping;

    /** @param stopping asked between batches; true ends the deletion early (a {@link StoppedException}) */
    ClassDeleter(int batchSize, BooleanSupplier stopping) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
        this.stopping = stopping;
    }

    /** When the oldest record of {@code dataClass} expires; empty when it holds nothing. */
    static Optional<Instant> nextExpiry(Connection connection, DataClass dataClass) throws SQLException {
        Optional<Instant> oldest = Optional.empty();
        if (dataClass.messages().isPresent()) {
            oldest = earlier(oldest, oldest(connection, "SELECT MIN(received_at) FROM uplink_message WHERE service = ?",
                    dataClass.messages().get().topicName()));
        }
        for (ExpiringRows table : dataClass.tables()) {
            oldest = earlier(oldest, oldest(connection, "SELECT MIN(" + table.timeColumn() + ") FROM " + table.table(),
                    null));
        }
        return oldest.map(dataClass.policy()::expiry);
    }

    private static Optional<Instant> oldest(Connection connection, String sql, @Nullable String service)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (service != null) {
                ps.setString(1, service);
            }
            try (ResultSet rs = ps.executeQuery()) {
                OffsetDateTime oldest = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return Optional.ofNullable(oldest).map(Jdbc::instant);
            }
        }
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }

    /** The tables {@code dataClass} deletes from, in the order a run deletes them. */
    static List<String> tables(DataClass dataClass) {
        List<String> tables = new ArrayList<>();
        dataClass.derived().forEach(d -> tables.addAll(d.tables()));
        if (dataClass.messages().isPresent()) {
            tables.add(MESSAGES);
        }
        dataClass.tables().forEach(t -> tables.add(t.table()));
        return tables;
    }

    /**
     * Deletes what of {@code dataClass} was received at or before {@code cutoff}, committing each batch on
     * {@code connection} (auto-commit off), and counts what each committed batch deleted into {@code deleted}.
     * On failure the batch in progress is rolled back; what was counted stays deleted.
     */
    void delete(Connection connection, DataClass dataClass, Instant cutoff, DeletedRows deleted) throws SQLException {
        tables(dataClass).forEach(t -> deleted.add(t, 0));
        if (dataClass.messages().isPresent()) {
            Service service = dataClass.messages().get();
            int found;
            do {
                checkNotStopping();
                DeletedRows batch = new DeletedRows();
                List<MessageKey> keys = expired(connection, service, cutoff);
                found = keys.size();
                if (found > 0) {
                    for (DerivedRows d : dataClass.derived()) {
                        d.delete(connection, keys, batch);
                    }
                    RAW.delete(connection, keys, batch);
                    RetiredSequences.record(connection, keys);
                }
                commit(connection, batch, deleted);
            } while (found == batchSize);
        }
        for (ExpiringRows table : dataClass.tables()) {
            int rows;
            do {
                checkNotStopping();
                DeletedRows batch = new DeletedRows();
                rows = table.deleteBatch(connection, cutoff, batchSize);
                batch.add(table.table(), rows);
                commit(connection, batch, deleted);
            } while (rows == batchSize);
        }
    }

    private List<MessageKey> expired(Connection connection, Service service, Instant cutoff) throws SQLException {
        List<MessageKey> keys = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(EXPIRED)) {
            ps.setString(1, service.topicName());
            Jdbc.setInstant(ps, 2, cutoff);
            ps.setInt(3, batchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new MessageKey(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return keys;
    }

    private static void commit(Connection connection, DeletedRows batch, DeletedRows deleted) throws SQLException {
        connection.commit();
        batch.byTable().forEach(deleted::add);
    }

    private void checkNotStopping() {
        if (stopping.getAsBoolean()) {
            throw new StoppedException();
        }
    }

    /** The backend stopped during the run; what was committed stays deleted, the next run deletes the rest. */
    static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("stopped with the backend; the next run deletes the rest");
        }
    }
}
