package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the rows of {@code maintenance_need} of the vehicles whose newest state arrived in a batch.
 *
 * <p>Whether a state is the newest is decided by a conditional UPDATE of the vehicle's
 * {@code (state_vehicle_time, state_boot_id, state_sequence)}: the car's clock first, because after a
 * reconnect the outbox sends older reports under the new boot id after the fresh login; the key only
 * breaks ties. An update count of 1 means it is newer than every stored
 * state, and on PostgreSQL the row stays locked until the commit, so two backends never both replace a
 * vehicle's needs from different states. The cost does not grow with the vehicle's history.
 * {@code vehicle.has_needs} is true exactly when the vehicle has needs rows; a vehicle without rows is
 * claimed by a first UPDATE that requires {@code has_needs = FALSE} and needs no DELETE.
 */
final class NeedRows {

    private static final String NEWER = "(state_vehicle_time IS NULL OR state_vehicle_time < ?"
            + " OR (state_vehicle_time = ? AND (state_boot_id < ? OR (state_boot_id = ? AND state_sequence < ?))))";
    private static final String SET = "UPDATE vehicle SET state_vehicle_time = ?, state_boot_id = ?,"
            + " state_sequence = ?, has_needs = ? WHERE vin = ? AND ";
    private static final String CLAIM_WITHOUT_ROWS = SET + "has_needs = FALSE AND " + NEWER;
    private static final String CLAIM = SET + NEWER;
    private static final String DELETE = "DELETE FROM maintenance_need WHERE vin = ?";
    private static final String INSERT = "INSERT INTO maintenance_need (vin, component, severity, due_km,"
            + " due_date, reason, derived_at, source_boot_id, source_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The needs derived for one vehicle from the state in message (bootId, sequence) of vehicleTime. */
    record Derived(Vin vin, Instant vehicleTime, long bootId, long sequence, List<MaintenanceNeed> needs) {
        Derived {
            needs = List.copyOf(needs);
        }
    }

    private NeedRows() {
    }

    /**
     * For each candidate (at most one per VIN, whose vehicle row exists) that is newer than the
     * vehicle's stored newest state, makes its needs the vehicle's needs; older candidates change nothing.
     *
     * @return how many vehicles got their needs replaced
     */
    static int replaceIfNewest(Connection c, List<Derived> candidates, Instant derivedAt) throws SQLException {
        if (candidates.isEmpty()) {
            return 0;
        }
        List<Derived> withoutRows = new ArrayList<>();
        List<Derived> rest = new ArrayList<>();
        claim(c, CLAIM_WITHOUT_ROWS, candidates, withoutRows, rest);
        List<Derived> withRows = new ArrayList<>();
        claim(c, CLAIM, rest, withRows, new ArrayList<>());
        try (PreparedStatement delete = c.prepareStatement(DELETE);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Derived d : withRows) {
                delete.setString(1, d.vin().value());
                delete.addBatch();
            }
            for (List<Derived> claimed : List.of(withoutRows, withRows)) {
                for (Derived d : claimed) {
                    addNeeds(insert, d, derivedAt);
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
        return withoutRows.size() + withRows.size();
    }

    private static void claim(Connection c, String sql, List<Derived> candidates, List<Derived> claimed,
                              List<Derived> notClaimed) throws SQLException {
        if (candidates.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Derived d : candidates) {
                Jdbc.setInstant(ps, 1, d.vehicleTime());
                ps.setLong(2, d.bootId());
                ps.setLong(3, d.sequence());
                ps.setBoolean(4, !d.needs().isEmpty());
                ps.setString(5, d.vin().value());
                Jdbc.setInstant(ps, 6, d.vehicleTime());
                Jdbc.setInstant(ps, 7, d.vehicleTime());
                ps.setLong(8, d.bootId());
                ps.setLong(9, d.bootId());
                ps.setLong(10, d.sequence());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                (Jdbc.changed(counts[i], "UPDATE vehicle") ? claimed : notClaimed).add(candidates.get(i));
            }
        }
    }

    private static void addNeeds(PreparedStatement insert, Derived d, Instant derivedAt) throws SQLException {
        for (MaintenanceNeed n : d.needs()) {
            insert.setString(1, n.vin().value());
            insert.setString(2, n.component().name());
            insert.setString(3, n.severity().name());
            Jdbc.setDouble(insert, 4, n.dueKm());
            Jdbc.setDate(insert, 5, n.dueDate());
            insert.setString(6, n.reason());
            Jdbc.setInstant(insert, 7, derivedAt);
            insert.setLong(8, d.bootId());
            insert.setLong(9, d.sequence());
            insert.addBatch();
        }
    }
}
