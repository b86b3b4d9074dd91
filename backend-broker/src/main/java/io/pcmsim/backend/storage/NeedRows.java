package io.pcmsim.backend.storage;

import io.pcmsim.backend.maintenance.MaintenanceNeed;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Replaces the rows of {@code maintenance_need} of some vehicles. */
final class NeedRows {

    private static final String DELETE = "DELETE FROM maintenance_need WHERE vin = ?";
    private static final String INSERT = "INSERT INTO maintenance_need (vin, component, severity, due_km,"
            + " due_date, reason, derived_at, source_boot_id, source_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The needs derived for one vehicle from the state in message (bootId, sequence). */
    record Derived(Vin vin, long bootId, long sequence, List<MaintenanceNeed> needs) {
        Derived {
            needs = List.copyOf(needs);
        }
    }

    private NeedRows() {
    }

    static void replace(Connection c, List<Derived> derived, Instant derivedAt) throws SQLException {
        if (derived.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement(DELETE);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Derived d : derived) {
                delete.setString(1, d.vin().value());
                delete.addBatch();
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
            delete.executeBatch();
            insert.executeBatch();
        }
    }
}
