package io.pcmsim.backend.internal.storage;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
 *
 * <p>Remembers the VINs whose row a committed batch saw (at most {@link #MAX_REMEMBERED}, then it starts
 * over): nothing deletes a vehicle row, so a VIN once seen needs no statement again. Without it each batch
 * asked the database about every VIN it carried (on PostgreSQL the conflict check of 500 rows was about a
 * tenth of the server's time per batch). For one {@link UplinkStore}, on its writer thread.
 */
final class VehicleRows {

    private static final String INSERT = "INSERT INTO vehicle (vin, first_seen_at)";
    private static final String IF_ABSENT = "ON CONFLICT DO NOTHING";
    private static final int COLUMNS = 2;
    /** Bounds the memory: about 100 bytes a VIN. */
    static final int MAX_REMEMBERED = 1_000_000;

    private final Set<String> remembered = new HashSet<>();
    /** The VINs of the batch in progress, remembered once it committed. */
    private final List<String> pending = new ArrayList<>();

    /** Inserts the rows of the vehicles of {@code stored} not known yet, in the batch's transaction. */
    void insertNew(Connection c, Dialect dialect, List<UplinkRecord> stored) throws SQLException {
        // VIN order: concurrent backends on PostgreSQL insert (and lock) new vehicle rows in the same order
        Map<Vin, Instant> firstSeen = new TreeMap<>();
        for (UplinkRecord r : stored) {
            if (!remembered.contains(r.header().vin().value())) {
                firstSeen.merge(r.header().vin(), r.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        if (firstSeen.isEmpty()) {
            return; // every vehicle of the batch is known: no statement at all
        }
        List<Map.Entry<Vin, Instant>> rows = new ArrayList<>(firstSeen.entrySet());
        rows.forEach(e -> pending.add(e.getKey().value()));
        if (dialect == Dialect.H2) {
            Set<String> known = MultiRow.existing(c, "vehicle", "vin",
                    rows.stream().map(e -> e.getKey().value()).toList());
            rows.removeIf(e -> known.contains(e.getKey().value()));
        }
        MultiRow.insert(c, INSERT, COLUMNS, IF_ABSENT, rows,
                (p, e) -> p.string(e.getKey().value()).instant(e.getValue()));
    }

    /** The batch committed: its vehicles have their rows. */
    void committed() {
        if (remembered.size() + pending.size() > MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.addAll(pending);
        pending.clear();
    }

    /** The batch was rolled back: what it inserted is gone. */
    void rolledBack() {
        pending.clear();
    }
}
