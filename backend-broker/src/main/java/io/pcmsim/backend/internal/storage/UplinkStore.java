package io.pcmsim.backend.internal.storage;

import io.pcmsim.backend.internal.service.AfterCommit;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.protocol.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes batches of uplink messages in one transaction each: the raw message (idempotent on
 * (vin, boot id, sequence)) and, for a vehicle not stored before, its vehicle row, then hands the new messages of each service to that
 * service's {@link ServiceHandler}. Knows no service. Holds one connection, reopened after it was lost; for ONE thread
 * at a time (the writer).
 *
 * <p>Several stores (backend instances) may write into one PostgreSQL database at once: a batch inserts
 * its messages in key order and inserts new vehicle rows in VIN order, so two writers may wait for each other
 * but never deadlock (a deadlock or serialization failure that happens anyway is a
 * {@link StoreUnavailableException}: retry). See {@link Dialect} for what differs between the databases.
 */
public final class UplinkStore implements AutoCloseable {

    private static final String INSERT_MESSAGE = "INSERT INTO uplink_message"
            + " (vin, boot_id, sequence, service, body, vehicle_time, received_at, payload)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    /** PostgreSQL: the whole batch in one statement that returns the keys it inserted. */
    private static final String INSERT_MESSAGES_HEAD = "INSERT INTO uplink_message"
            + " (vin, boot_id, sequence, service, body, vehicle_time, received_at, payload)";
    private static final String INSERT_MESSAGES_TAIL = " ON CONFLICT DO NOTHING RETURNING vin, boot_id, sequence";
    private static final int MESSAGE_COLUMNS = 8;
    /** The {@link #MESSAGE_COLUMNS} columns of a message's row, in the order the INSERTs name them. */
    private static final MultiRow.Binder<UplinkRecord> MESSAGE_ROW = (p, r) -> p.string(r.header().vin().value())
            .bigint(r.header().bootId()).bigint(r.header().sequence()).string(r.service().topicName())
            .string(r.envelope().getBodyCase().name()).instant(r.header().vehicleTime()).instant(r.receivedAt())
            .bytes(r.payload());
    private final Database database;
    private final Map<Service, ServiceHandler> handlers;
    private final Clock clock;
    private final VehicleRows vehicles = new VehicleRows();
    private @Nullable Connection connection;
    private Dialect dialect = Dialect.H2;
    private volatile boolean closed;

    private UplinkStore(Database database, List<ServiceHandler> handlers, Clock clock) {
        this.database = database;
        this.handlers = new EnumMap<>(Service.class);
        for (ServiceHandler h : handlers) {
            if (this.handlers.put(h.service(), h) != null) {
                throw new IllegalArgumentException("two handlers for service " + h.service()
                        + "; register one handler per service");
            }
        }
        this.clock = clock;
    }

    /**
     * Opens the store's connection; the schema (core and {@code handlers}' migrations) must be migrated.
     *
     * @param handlers at most one per service; messages of a service without handler are stored raw only
     * @throws StorageException if the database cannot be reached
     */
    public static UplinkStore open(Database database, List<ServiceHandler> handlers, Clock clock) {
        UplinkStore store = new UplinkStore(database, List.copyOf(handlers), Objects.requireNonNull(clock, "clock"));
        store.connection = store.connectNow();
        return store;
    }

    private Connection connectNow() {
        Connection c = database.connect();
        try {
            c.setAutoCommit(false);
            dialect = Dialect.of(c);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StorageException("cannot switch auto-commit off on " + database.redacted(), e);
        }
    }

    /**
     * Stores a batch in one transaction and commits it. A record whose (vin, boot id, sequence) is
     * already stored is counted as duplicate and changes nothing. On failure the transaction is rolled
     * back and nothing of the batch is stored. After a lost connection the next call opens a new one.
     *
     * @throws StoreUnavailableException if the database, not the batch, is at fault (connection lost or
     *         not available, store closed, transient rollback, missing table, ...): retry the same batch
     * @throws StorageException if the database refused the batch's data (SQLSTATE class 22 or 23, or a
     *         failure deriving its rows): retrying it unchanged fails again
     */
    public WriteResult write(List<UplinkRecord> batch) {
        Connection c = connection(batch.size());
        try {
            List<UplinkRecord> stored = dialect == Dialect.POSTGRESQL ? insertMessagesAtOnce(c, batch)
                    : insertMessages(c, batch);
            vehicles.insertNew(c, dialect, stored);
            AfterCommit afterCommit = new AfterCommit();
            storeByService(c, stored, afterCommit);
            c.commit();
            vehicles.committed();
            afterCommit.run();
            return new WriteResult(stored, batch.size() - stored.size());
        } catch (SQLException | RuntimeException | AssertionError e) {
            // AssertionError: the PostgreSQL driver asserts on a connection terminated under it (with -ea)
            rollback(c, e);
            vehicles.rolledBack();
            String message = "batch of " + batch.size() + " uplink messages not stored: " + e.getMessage();
            if (DatabaseFaults.connectionLost(c, e)) {
                connection = null;
                closeQuietly(c);
                throw new StoreUnavailableException(message + " (connection lost; reconnecting on the next write)", e);
            }
            if (!DatabaseFaults.batchAtFault(e)) {
                throw new StoreUnavailableException(message + " (a database fault, not the batch's; retry)", e);
            }
            throw new StorageException(message, e);
        }
    }

    private Connection connection(int batchSize) {
        if (closed) {
            throw new StoreUnavailableException("batch of " + batchSize + " uplink messages not stored: the store is"
                    + " closed", new IllegalStateException("closed"));
        }
        Connection c = connection;
        if (c == null) {
            try {
                c = connectNow();
            } catch (StorageException e) {
                throw new StoreUnavailableException("batch of " + batchSize + " uplink messages not stored: "
                        + e.getMessage(), e);
            }
            connection = c;
        }
        return c;
    }

    private List<UplinkRecord> insertMessages(Connection connection, List<UplinkRecord> batch) throws SQLException {
        int[] counts = MultiRow.batch(connection, INSERT_MESSAGE, batch, MESSAGE_ROW);
        List<UplinkRecord> stored = new ArrayList<>(batch.size());
        for (int i = 0; i < counts.length; i++) {
            if (Jdbc.changed(counts[i], "INSERT INTO uplink_message")) {
                stored.add(batch.get(i));
            }
        }
        return stored;
    }

    /** A message's identity. */
    private record Key(String vin, long bootId, long sequence) implements Comparable<Key> {
        static Key of(UplinkRecord r) {
            return new Key(r.header().vin().value(), r.header().bootId(), r.header().sequence());
        }

        @Override
        public int compareTo(Key o) {
            int byVin = vin.compareTo(o.vin);
            if (byVin != 0) {
                return byVin;
            }
            return bootId != o.bootId ? Long.compare(bootId, o.bootId) : Long.compare(sequence, o.sequence);
        }
    }

    /**
     * PostgreSQL: inserts the batch's first record of each key with one statement ({@link ColumnArrays}) in key order,
     * so that concurrent backends wait for each other's keys in one order and never deadlock, and learns
     * from {@code RETURNING} which keys were new.
     */
    private static List<UplinkRecord> insertMessagesAtOnce(Connection connection, List<UplinkRecord> batch)
            throws SQLException {
        TreeMap<Key, UplinkRecord> unique = new TreeMap<>();
        for (UplinkRecord r : batch) {
            unique.putIfAbsent(Key.of(r), r);
        }
        List<UplinkRecord> rows = new ArrayList<>(unique.values());
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Key> inserted = new HashSet<>();
        ColumnArrays arrays = ColumnArrays.of(MESSAGE_COLUMNS, rows, MESSAGE_ROW);
        try (PreparedStatement ps = connection.prepareStatement(INSERT_MESSAGES_HEAD + " SELECT * FROM "
                + arrays.unnest() + INSERT_MESSAGES_TAIL)) {
            arrays.bind(connection, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(new Key(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        List<UplinkRecord> stored = new ArrayList<>(inserted.size());
        for (UplinkRecord r : batch) {
            if (inserted.remove(Key.of(r))) {
                stored.add(r);
            }
        }
        return stored;
    }

    /** Hands each handler the new messages of its service with one of its bodies, in batch order. */
    private void storeByService(Connection c, List<UplinkRecord> stored, AfterCommit afterCommit)
            throws SQLException {
        Map<Service, List<UplinkRecord>> byService = new EnumMap<>(Service.class);
        for (UplinkRecord r : stored) {
            ServiceHandler h = handlers.get(r.service());
            if (h != null && h.bodies().contains(r.envelope().getBodyCase())) {
                byService.computeIfAbsent(r.service(), k -> new ArrayList<>()).add(r);
            }
        }
        Instant now = clock.instant();
        for (Map.Entry<Service, List<UplinkRecord>> e : byService.entrySet()) {
            handlers.get(e.getKey()).store(c, e.getValue(), now, afterCommit);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the connection is broken already; nothing left to release
        }
    }

    /** Closes the connection; an open transaction is rolled back by the driver. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                throw new StorageException("cannot close the store's connection: " + e.getMessage(), e);
            }
        }
    }
}
