package io.pcmsim.backend.internal.storage;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps one {@code vehicle} row per VIN: first/last seen, newest (boot id, sequence). On PostgreSQL one
 * {@code INSERT ... ON CONFLICT DO UPDATE} for the whole batch, its rows in VIN order. On H2 (which has no
 * {@code ON CONFLICT DO UPDATE}) one UPDATE per vehicle that
 * merges the batch into the row; for the VINs it did not find, an insert-if-absent; for the few inserts
 * that found a row after all (another backend inserted it meanwhile), the UPDATE again. A known vehicle
 * thus costs one UPDATE, and no insert that fails on its primary key.
 */
final class VehicleRows {

    private static final String NEWER = "last_boot_id < ? OR (last_boot_id = ? AND last_sequence < ?)";
    // every right-hand side sees the row as it was before this UPDATE (standard SQL; H2 and PostgreSQL)
    private static final String UPDATE = "UPDATE vehicle SET"
            + " first_seen_at = LEAST(first_seen_at, ?),"
            + " last_seen_at = GREATEST(last_seen_at, ?),"
            + " last_boot_id = CASE WHEN " + NEWER + " THEN ? ELSE last_boot_id END,"
            + " last_sequence = CASE WHEN " + NEWER + " THEN ? ELSE last_sequence END"
            + " WHERE vin = ?";
    private static final String INSERT = "INSERT INTO vehicle (vin, first_seen_at, last_seen_at, last_boot_id,"
            + " last_sequence) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    /** PostgreSQL: insert or merge every vehicle of the batch in one statement, in VIN order. */
    private static final String UPSERT_HEAD = "INSERT INTO vehicle (vin, first_seen_at, last_seen_at, last_boot_id,"
            + " last_sequence)";
    private static final String EXCLUDED_NEWER = "vehicle.last_boot_id < EXCLUDED.last_boot_id"
            + " OR (vehicle.last_boot_id = EXCLUDED.last_boot_id AND vehicle.last_sequence < EXCLUDED.last_sequence)";
    private static final String UPSERT_TAIL = "ON CONFLICT (vin) DO UPDATE SET"
            + " first_seen_at = LEAST(vehicle.first_seen_at, EXCLUDED.first_seen_at),"
            + " last_seen_at = GREATEST(vehicle.last_seen_at, EXCLUDED.last_seen_at),"
            + " last_boot_id = CASE WHEN " + EXCLUDED_NEWER + " THEN EXCLUDED.last_boot_id ELSE vehicle.last_boot_id END,"
            + " last_sequence = CASE WHEN " + EXCLUDED_NEWER + " THEN EXCLUDED.last_sequence"
            + " ELSE vehicle.last_sequence END";
    private static final int UPSERT_COLUMNS = 5;

    /** What one batch says about one vehicle. */
    private static final class Seen {
        Instant first;
        Instant last;
        long bootId;
        long sequence;

        Seen(UplinkRecord r) {
            first = r.receivedAt();
            last = r.receivedAt();
            bootId = r.header().bootId();
            sequence = r.header().sequence();
        }

        void add(UplinkRecord r) {
            first = r.receivedAt().isBefore(first) ? r.receivedAt() : first;
            last = r.receivedAt().isAfter(last) ? r.receivedAt() : last;
            if (newer(r, bootId, sequence)) {
                bootId = r.header().bootId();
                sequence = r.header().sequence();
            }
        }

        static boolean newer(UplinkRecord r, long bootId, long sequence) {
            return r.header().bootId() > bootId || (r.header().bootId() == bootId && r.header().sequence() > sequence);
        }
    }

    void upsert(Connection c, Dialect dialect, List<UplinkRecord> stored) throws SQLException {
        // VIN order: concurrent backends on PostgreSQL lock vehicle rows in the same order
        Map<Vin, Seen> byVin = new TreeMap<>();
        for (UplinkRecord r : stored) {
            Seen seen = byVin.get(r.header().vin());
            if (seen == null) {
                seen = new Seen(r);
                byVin.put(r.header().vin(), seen);
            } else {
                seen.add(r);
            }
        }
        if (dialect == Dialect.POSTGRESQL) {
            MultiRow.insert(c, UPSERT_HEAD, UPSERT_COLUMNS, UPSERT_TAIL, new ArrayList<>(byVin.entrySet()),
                    (p, e) -> p.string(e.getKey().value()).instant(e.getValue().first).instant(e.getValue().last)
                            .bigint(e.getValue().bootId).bigint(e.getValue().sequence));
            return;
        }
        List<Map.Entry<Vin, Seen>> missing = update(c, new ArrayList<>(byVin.entrySet()));
        if (missing.isEmpty()) {
            return;
        }
        List<Map.Entry<Vin, Seen>> raced = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Map.Entry<Vin, Seen> e : missing) {
                Seen s = e.getValue();
                insert.setString(1, e.getKey().value());
                Jdbc.setInstant(insert, 2, s.first);
                Jdbc.setInstant(insert, 3, s.last);
                insert.setLong(4, s.bootId);
                insert.setLong(5, s.sequence);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (!Jdbc.changed(counts[i], "INSERT INTO vehicle")) {
                    raced.add(missing.get(i));
                }
            }
        }
        List<Map.Entry<Vin, Seen>> lost = update(c, raced);
        if (!lost.isEmpty()) {
            throw new IllegalStateException("vehicle row of " + lost.get(0).getKey()
                    + " neither updated nor inserted: was it deleted concurrently?");
        }
    }

    /** Merges each entry into its existing row; returns the entries whose row does not exist. */
    private static List<Map.Entry<Vin, Seen>> update(Connection c, List<Map.Entry<Vin, Seen>> entries)
            throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            for (Map.Entry<Vin, Seen> e : entries) {
                Seen s = e.getValue();
                Jdbc.setInstant(update, 1, s.first);
                Jdbc.setInstant(update, 2, s.last);
                for (int column = 0; column < 2; column++) {
                    int i = 3 + column * 4;
                    update.setLong(i, s.bootId);
                    update.setLong(i + 1, s.bootId);
                    update.setLong(i + 2, s.sequence);
                    update.setLong(i + 3, column == 0 ? s.bootId : s.sequence);
                }
                update.setString(11, e.getKey().value());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            List<Map.Entry<Vin, Seen>> missing = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (!Jdbc.changed(counts[i], "UPDATE vehicle")) {
                    missing.add(entries.get(i));
                }
            }
            return missing;
        }
    }
}
