package io.pcmsim.backend.storage;

import io.pcmsim.backend.maintenance.MaintenanceNeed;
import io.pcmsim.backend.maintenance.MaintenanceRules;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes batches of uplink messages in one transaction each: the raw message (idempotent on
 * (vin, boot id, sequence)), its decoded parts, the vehicle row, and the vehicle's maintenance needs
 * recomputed from its newest state. Holds one connection, reopened after it was lost; for ONE thread
 * at a time (the writer).
 */
public final class UplinkStore implements AutoCloseable {

    private static final String INSERT_MESSAGE = "INSERT INTO uplink_message"
            + " (vin, boot_id, sequence, service, body, vehicle_time, received_at, payload)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    /** Newest state first by the car's clock; ties (same vehicle time) by boot id, then sequence. */
    static final Comparator<UplinkRecord> VEHICLE_TIME_THEN_KEY = Comparator
            .<UplinkRecord, java.time.Instant>comparing(r -> r.header().vehicleTime())
            .thenComparingLong(r -> r.header().bootId()).thenComparingLong(r -> r.header().sequence());

    private final Database database;
    private final MaintenanceRules rules;
    private final Clock clock;
    private final BodyRows bodies = new BodyRows();
    private final VehicleRows vehicles = new VehicleRows();
    private @Nullable Connection connection;
    private volatile boolean closed;

    private UplinkStore(Database database, MaintenanceRules rules, Clock clock) {
        this.database = database;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Opens the store's connection; the schema must be migrated already.
     *
     * @throws StorageException if the database cannot be reached
     */
    public static UplinkStore open(Database database, MaintenanceRules rules, Clock clock) {
        UplinkStore store = new UplinkStore(database, Objects.requireNonNull(rules, "rules"),
                Objects.requireNonNull(clock, "clock"));
        store.connection = store.connectNow();
        return store;
    }

    private Connection connectNow() {
        Connection c = database.connect();
        try {
            c.setAutoCommit(false);
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
     *         not available, store closed, transient rollback): the same batch may be retried
     * @throws StorageException if the database refused the batch: retrying it unchanged fails again
     */
    public WriteResult write(List<UplinkRecord> batch) {
        Connection c = connection(batch.size());
        try {
            List<UplinkRecord> stored = insertMessages(c, batch);
            bodies.insert(c, stored);
            vehicles.upsert(c, stored);
            int recomputed = recomputeNeeds(c, stored);
            c.commit();
            return new WriteResult(stored, batch.size() - stored.size(), recomputed);
        } catch (SQLException | RuntimeException | AssertionError e) {
            // AssertionError: the PostgreSQL driver asserts on a connection terminated under it (with -ea)
            rollback(c, e);
            String message = "batch of " + batch.size() + " uplink messages not stored: " + e.getMessage();
            if (DatabaseFaults.connectionLost(c, e)) {
                connection = null;
                closeQuietly(c);
                throw new StoreUnavailableException(message + " (connection lost; reconnecting on the next write)", e);
            }
            if (DatabaseFaults.transientRollback(e)) {
                throw new StoreUnavailableException(message + " (transient; retry)", e);
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
        try (PreparedStatement ps = connection.prepareStatement(INSERT_MESSAGE)) {
            for (UplinkRecord r : batch) {
                ps.setString(1, r.header().vin().value());
                ps.setLong(2, r.header().bootId());
                ps.setLong(3, r.header().sequence());
                ps.setString(4, r.service().topicName());
                ps.setString(5, r.envelope().getBodyCase().name());
                Jdbc.setInstant(ps, 6, r.header().vehicleTime());
                Jdbc.setInstant(ps, 7, r.receivedAt());
                ps.setBytes(8, r.payload());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            List<UplinkRecord> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < counts.length; i++) {
                if (Jdbc.changed(counts[i], "INSERT INTO uplink_message")) {
                    stored.add(batch.get(i));
                }
            }
            return stored;
        }
    }

    /**
     * For every vehicle whose newest stored state arrived in this batch, replaces its needs by those
     * derived from that state. A state older than the stored newest one changes nothing.
     */
    private int recomputeNeeds(Connection connection, List<UplinkRecord> stored) throws SQLException {
        // VIN order: concurrent backends on PostgreSQL lock vehicle rows in the same order
        Map<Vin, UplinkRecord> newest = new TreeMap<>();
        Map<Vin, VehicleSnapshot> states = new HashMap<>();
        for (UplinkRecord r : stored) {
            Optional<VehicleSnapshot> state = StateColumns.stateOf(r.envelope());
            if (state.isPresent()) {
                UplinkRecord old = newest.get(r.header().vin());
                if (old == null || VEHICLE_TIME_THEN_KEY.compare(r, old) > 0) {
                    newest.put(r.header().vin(), r);
                    states.put(r.header().vin(), state.get());
                }
            }
        }
        List<NeedRows.Derived> candidates = new ArrayList<>(newest.size());
        for (Map.Entry<Vin, UplinkRecord> e : newest.entrySet()) {
            UplinkRecord r = e.getValue();
            List<MaintenanceNeed> needs = rules.evaluate(e.getKey(), states.get(e.getKey()), r.header().vehicleTime());
            candidates.add(new NeedRows.Derived(e.getKey(), r.header().vehicleTime(), r.header().bootId(),
                    r.header().sequence(), needs));
        }
        return NeedRows.replaceIfNewest(connection, candidates, clock.instant());
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
