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

/**
 * Writes batches of uplink messages in one transaction each: the raw message (idempotent on
 * (vin, boot id, sequence)), its decoded parts, the vehicle row, and the vehicle's maintenance needs
 * recomputed from its newest state. Holds one connection; for ONE thread at a time (the writer).
 */
public final class UplinkStore implements AutoCloseable {

    private static final String INSERT_MESSAGE = "INSERT INTO uplink_message"
            + " (vin, boot_id, sequence, service, body, vehicle_time, received_at, payload)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final Comparator<UplinkRecord> BOOT_THEN_SEQUENCE = Comparator
            .<UplinkRecord>comparingLong(r -> r.header().bootId()).thenComparingLong(r -> r.header().sequence());

    private final Connection connection;
    private final MaintenanceRules rules;
    private final Clock clock;
    private final BodyRows bodies = new BodyRows();
    private final VehicleRows vehicles = new VehicleRows();

    private UplinkStore(Connection connection, MaintenanceRules rules, Clock clock) {
        this.connection = connection;
        this.rules = rules;
        this.clock = clock;
    }

    /** Opens the store's connection; the schema must be migrated already. */
    public static UplinkStore open(Database database, MaintenanceRules rules, Clock clock) {
        Connection c = database.connect();
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StorageException("cannot switch auto-commit off on " + database.redacted(), e);
        }
        return new UplinkStore(c, Objects.requireNonNull(rules, "rules"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Stores a batch in one transaction and commits it. A record whose (vin, boot id, sequence) is
     * already stored is counted as duplicate and changes nothing. On failure the transaction is rolled
     * back and nothing of the batch is stored.
     *
     * @throws StorageException if the database refused the batch
     */
    public WriteResult write(List<UplinkRecord> batch) {
        try {
            List<UplinkRecord> stored = insertMessages(batch);
            bodies.insert(connection, stored);
            vehicles.upsert(connection, stored);
            int recomputed = recomputeNeeds(stored);
            connection.commit();
            return new WriteResult(stored, batch.size() - stored.size(), recomputed);
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            throw new StorageException("batch of " + batch.size() + " uplink messages not stored: " + e.getMessage(), e);
        }
    }

    private List<UplinkRecord> insertMessages(List<UplinkRecord> batch) throws SQLException {
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
    private int recomputeNeeds(List<UplinkRecord> stored) throws SQLException {
        // VIN order: concurrent backends on PostgreSQL lock vehicle rows in the same order
        Map<Vin, UplinkRecord> newest = new TreeMap<>();
        Map<Vin, VehicleSnapshot> states = new HashMap<>();
        for (UplinkRecord r : stored) {
            Optional<VehicleSnapshot> state = StateColumns.stateOf(r.envelope());
            if (state.isPresent()) {
                UplinkRecord old = newest.get(r.header().vin());
                if (old == null || BOOT_THEN_SEQUENCE.compare(r, old) > 0) {
                    newest.put(r.header().vin(), r);
                    states.put(r.header().vin(), state.get());
                }
            }
        }
        List<NeedRows.Derived> candidates = new ArrayList<>(newest.size());
        for (Map.Entry<Vin, UplinkRecord> e : newest.entrySet()) {
            UplinkRecord r = e.getValue();
            List<MaintenanceNeed> needs = rules.evaluate(e.getKey(), states.get(e.getKey()), r.header().vehicleTime());
            candidates.add(new NeedRows.Derived(e.getKey(), r.header().bootId(), r.header().sequence(), needs));
        }
        return NeedRows.replaceIfNewest(connection, candidates, clock.instant());
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the connection; an open transaction is rolled back by the driver. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close the store's connection: " + e.getMessage(), e);
        }
    }
}
