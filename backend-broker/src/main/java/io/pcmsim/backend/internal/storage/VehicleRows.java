package io.pcmsim.backend.internal.storage;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps one {@code vehicle} row per VIN, written once: when the vehicle's first message is stored
 * ({@code first_seen_at}). Last seen and the newest (boot id, sequence) are read from the stored messages
 * ({@link StoreQueries#seen(Vin)}), so a batch writes nothing for vehicles already known. PostgreSQL: one
 * {@code INSERT ... ON CONFLICT DO NOTHING} for the batch, in VIN order (it locks only the rows it inserts).
 * H2: one {@code SELECT} of the batch's known VINs, then an insert of the others.
 */
final class VehicleRows {

    private static final String INSERT = "INSERT INTO vehicle (vin, first_seen_at)";
    private static final String IF_ABSENT = "ON CONFLICT DO NOTHING";
    private static final int COLUMNS = 2;

    private VehicleRows() {
    }

    static void insertNew(Connection c, Dialect dialect, List<UplinkRecord> stored) throws SQLException {
        // VIN order: concurrent backends on PostgreSQL insert (and lock) new vehicle rows in the same order
        Map<Vin, Instant> firstSeen = new TreeMap<>();
        for (UplinkRecord r : stored) {
            firstSeen.merge(r.header().vin(), r.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Map.Entry<Vin, Instant>> rows = new ArrayList<>(firstSeen.entrySet());
        if (dialect == Dialect.H2) {
            Set<String> known = MultiRow.existing(c, "vehicle", "vin",
                    rows.stream().map(e -> e.getKey().value()).toList());
            rows.removeIf(e -> known.contains(e.getKey().value()));
        }
        MultiRow.insert(c, INSERT, COLUMNS, IF_ABSENT, rows,
                (p, e) -> p.string(e.getKey().value()).instant(e.getValue()));
    }
}
