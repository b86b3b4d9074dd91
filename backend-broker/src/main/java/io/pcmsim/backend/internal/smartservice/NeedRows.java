package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.internal.storage.Dialect;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the rows of {@code maintenance_need} of the vehicles whose newest state arrived in a batch.
 *
 * <p>Whether a state is the newest is decided by a conditional UPDATE of the vehicle's
 * {@code (state_vehicle_time, state_boot_id, state_sequence)}: the car's clock first, because after a
 * reconnect the outbox sends older reports under the new boot id after the fresh login; the key only
 * breaks ties. An update count of 1 means it is newer than every stored
 * state, and on PostgreSQL the row stays locked until the commit, so two backends never both replace a
 * vehicle's needs from different states. The cost does not grow with the vehicle's history.
 * {@code vehicle.has_needs} is true exactly when the vehicle has needs rows; a vehicle without rows
 * needs no DELETE. On H2 a vehicle without rows is claimed by a first UPDATE that requires
 * {@code has_needs = FALSE}, the others by a second; on PostgreSQL one {@code UPDATE ... FROM (VALUES ...)}
 * claims the whole batch and returns which claimed vehicles had rows, and one DELETE removes those.
 * The needs rows are inserted with one multi-row INSERT on both.
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
            + " due_date, reason, derived_at, source_boot_id, source_sequence)";
    private static final int INSERT_COLUMNS = 9;
    /**
     * PostgreSQL: the claim of every candidate in one statement. {@code old} is the row as this statement
     * found it (the writer locked it when it updated the vehicle row earlier in the transaction), so
     * {@code old.has_needs} says whether needs rows must be deleted.
     */
    private static final String CLAIM_ALL_HEAD = "UPDATE vehicle AS v SET state_vehicle_time = c.t,"
            + " state_boot_id = c.b, state_sequence = c.s, has_needs = c.h FROM (VALUES ";
    private static final String CLAIM_ALL_TAIL = ") AS c (vin, t, b, s, h), vehicle AS old"
            + " WHERE v.vin = c.vin AND old.vin = c.vin AND (v.state_vehicle_time IS NULL OR v.state_vehicle_time < c.t"
            + " OR (v.state_vehicle_time = c.t AND (v.state_boot_id < c.b OR (v.state_boot_id = c.b"
            + " AND v.state_sequence < c.s)))) RETURNING v.vin, old.has_needs";
    private static final int CLAIM_ALL_COLUMNS = 5;
    private static final String DELETE_ALL = "DELETE FROM maintenance_need WHERE vin = ANY (?)";

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
        List<Derived> claimed = new ArrayList<>();
        List<Derived> withRows = new ArrayList<>();
        if (Dialect.of(c) == Dialect.POSTGRESQL) {
            claimAll(c, candidates, claimed, withRows);
        } else {
            List<Derived> rest = claim(c, CLAIM_WITHOUT_ROWS, candidates, claimed);
            int withoutRows = claimed.size();
            claim(c, CLAIM, rest, claimed);
            withRows = claimed.subList(withoutRows, claimed.size());
        }
        delete(c, withRows);
        List<Map.Entry<Derived, MaintenanceNeed>> rows = new ArrayList<>();
        for (Derived d : claimed) {
            for (MaintenanceNeed n : d.needs()) {
                rows.add(Map.entry(d, n));
            }
        }
        MultiRow.insert(c, INSERT, INSERT_COLUMNS, "", rows, (p, row) -> {
            MaintenanceNeed n = row.getValue();
            p.string(n.vin().value()).string(n.component().name()).string(n.severity().name()).dbl(n.dueKm())
                    .date(n.dueDate()).string(n.reason()).instant(derivedAt)
                    .bigint(row.getKey().bootId()).bigint(row.getKey().sequence());
        });
        return claimed.size();
    }

    /**
     * PostgreSQL: claims with one statement (per chunk of candidates); adds the claimed candidates to
     * {@code claimed}, and those whose vehicle had needs rows also to {@code withRows}.
     */
    private static void claimAll(Connection c, List<Derived> candidates, List<Derived> claimed, List<Derived> withRows)
            throws SQLException {
        Map<String, Derived> byVin = new HashMap<>();
        for (Derived d : candidates) {
            byVin.put(d.vin().value(), d);
        }
        int chunk = MultiRow.rowsPerStatement(CLAIM_ALL_COLUMNS);
        for (int from = 0; from < candidates.size(); from += chunk) {
            List<Derived> part = candidates.subList(from, Math.min(candidates.size(), from + chunk));
            try (PreparedStatement ps = c.prepareStatement(CLAIM_ALL_HEAD
                    + MultiRow.values(part.size(), CLAIM_ALL_COLUMNS) + CLAIM_ALL_TAIL)) {
                MultiRow.bind(ps, CLAIM_ALL_COLUMNS, part, (p, d) -> p.string(d.vin().value())
                        .instant(d.vehicleTime()).bigint(d.bootId()).bigint(d.sequence()).bool(!d.needs().isEmpty()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Derived d = byVin.get(rs.getString(1));
                        claimed.add(d);
                        if (rs.getBoolean(2)) {
                            withRows.add(d);
                        }
                    }
                }
            }
        }
    }

    /** Deletes the needs rows of {@code vehicles}. */
    private static void delete(Connection c, List<Derived> vehicles) throws SQLException {
        if (vehicles.isEmpty()) {
            return;
        }
        if (Dialect.of(c) == Dialect.POSTGRESQL) {
            try (PreparedStatement delete = c.prepareStatement(DELETE_ALL)) {
                delete.setArray(1, c.createArrayOf("varchar",
                        vehicles.stream().map(d -> d.vin().value()).toArray()));
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            for (Derived d : vehicles) {
                delete.setString(1, d.vin().value());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** H2: claims with one UPDATE per candidate (a JDBC batch); returns the candidates not claimed. */
    private static List<Derived> claim(Connection c, String sql, List<Derived> candidates, List<Derived> claimed)
            throws SQLException {
        List<Derived> notClaimed = new ArrayList<>();
        if (candidates.isEmpty()) {
            return notClaimed;
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
        return notClaimed;
    }
}
