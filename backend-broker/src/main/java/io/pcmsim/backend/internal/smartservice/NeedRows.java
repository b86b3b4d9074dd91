package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.internal.storage.Dialect;
import io.pcmsim.backend.internal.storage.MultiRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGStatement;

/**
 * Rewrites the {@code maintenance_need} rows of the vehicles whose newest state changed their needs
 * ({@link NewestStates}); a vehicle whose needs stayed the same costs no DELETE and no INSERT, so its rows'
 * {@code source_boot_id}, {@code source_sequence} and {@code derived_at} name the state that first gave
 * these needs. PostgreSQL: one {@code DELETE ... WHERE vin = ANY (?)}, planned anew for each batch; H2: one DELETE per vehicle that had
 * rows (a JDBC batch). The rows are inserted with one multi-row INSERT on both.
 */
final class NeedRows {

    private static final String DELETE = "DELETE FROM maintenance_need WHERE vin = ?";
    private static final String DELETE_ALL = "DELETE FROM maintenance_need WHERE vin = ANY (?)";
    private static final String INSERT = "INSERT INTO maintenance_need (vin, component, severity, due_km,"
            + " due_date, reason, derived_at, source_boot_id, source_sequence)";
    private static final int INSERT_COLUMNS = 9;

    private NeedRows() {
    }

    /** @return how many vehicles got their needs rows rewritten */
    static int rewriteChanged(Connection c, List<NewestStates.Claimed> claimed, Instant derivedAt) throws SQLException {
        List<NewestStates.Candidate> changed = new ArrayList<>();
        List<String> withRows = new ArrayList<>();
        List<Map.Entry<NewestStates.Candidate, MaintenanceNeed>> rows = new ArrayList<>();
        for (NewestStates.Claimed cl : claimed) {
            if (!cl.needsChanged()) {
                continue;
            }
            changed.add(cl.candidate());
            if (cl.hadNeeds()) {
                withRows.add(cl.candidate().vin().value());
            }
            for (MaintenanceNeed n : cl.candidate().needs()) {
                rows.add(Map.entry(cl.candidate(), n));
            }
        }
        delete(c, withRows);
        MultiRow.insert(c, INSERT, INSERT_COLUMNS, "", rows, (p, row) -> {
            MaintenanceNeed n = row.getValue();
            p.string(n.vin().value()).string(n.component().name()).string(n.severity().name()).dbl(n.dueKm())
                    .date(n.dueDate()).string(n.reason()).instant(derivedAt)
                    .bigint(row.getKey().bootId()).bigint(row.getKey().sequence());
        });
        return changed.size();
    }

    private static void delete(Connection c, List<String> vins) throws SQLException {
        if (vins.isEmpty()) {
            return;
        }
        if (Dialect.of(c) == Dialect.POSTGRESQL) {
            try (PreparedStatement delete = c.prepareStatement(DELETE_ALL)) {
                // planned with this batch's VINs every time: a plan the server kept from when the table was small
                // (no ANALYZE since) scans the whole table and compares each row with every VIN of the array
                delete.unwrap(PGStatement.class).setPrepareThreshold(0);
                delete.setArray(1, c.createArrayOf("varchar", vins.toArray()));
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement delete = c.prepareStatement(DELETE)) {
            for (String vin : vins) {
                delete.setString(1, vin);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }
}
