package io.pcmsim.backend.storage;

import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Map;

/**
 * Keeps one {@code vehicle} row per VIN: first/last seen, newest (boot id, sequence), model from the
 * newest login. Portable upsert: insert-if-absent, then conditional updates (H2 has no
 * {@code ON CONFLICT DO UPDATE}).
 */
final class VehicleRows {

    private static final String INSERT = "INSERT INTO vehicle (vin, first_seen_at, last_seen_at, last_boot_id,"
            + " last_sequence) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String SEEN = "UPDATE vehicle SET"
            + " first_seen_at = CASE WHEN first_seen_at > ? THEN ? ELSE first_seen_at END,"
            + " last_seen_at = CASE WHEN last_seen_at < ? THEN ? ELSE last_seen_at END WHERE vin = ?";
    private static final String NEWEST = "UPDATE vehicle SET last_boot_id = ?, last_sequence = ? WHERE vin = ?"
            + " AND (last_boot_id < ? OR (last_boot_id = ? AND last_sequence < ?))";
    private static final String MODEL = "UPDATE vehicle SET model_code = ?, model_year = ? WHERE vin = ?";

    /** What one batch says about one vehicle. */
    private static final class Seen {
        Instant first;
        Instant last;
        long bootId;
        long sequence;
        @Nullable UplinkRecord login;

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

        void login(UplinkRecord r) {
            if (login == null || newer(r, login.header().bootId(), login.header().sequence())) {
                login = r;
            }
        }

        static boolean newer(UplinkRecord r, long bootId, long sequence) {
            return r.header().bootId() > bootId || (r.header().bootId() == bootId && r.header().sequence() > sequence);
        }
    }

    void upsert(Connection c, List<UplinkRecord> stored) throws SQLException {
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
            if (r.envelope().hasLogin()) {
                seen.login(r);
            }
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT);
             PreparedStatement seenUpdate = c.prepareStatement(SEEN);
             PreparedStatement newest = c.prepareStatement(NEWEST);
             PreparedStatement model = c.prepareStatement(MODEL)) {
            for (Map.Entry<Vin, Seen> e : byVin.entrySet()) {
                String vin = e.getKey().value();
                Seen s = e.getValue();
                insert.setString(1, vin);
                Jdbc.setInstant(insert, 2, s.first);
                Jdbc.setInstant(insert, 3, s.last);
                insert.setLong(4, s.bootId);
                insert.setLong(5, s.sequence);
                insert.addBatch();

                Jdbc.setInstant(seenUpdate, 1, s.first);
                Jdbc.setInstant(seenUpdate, 2, s.first);
                Jdbc.setInstant(seenUpdate, 3, s.last);
                Jdbc.setInstant(seenUpdate, 4, s.last);
                seenUpdate.setString(5, vin);
                seenUpdate.addBatch();

                newest.setLong(1, s.bootId);
                newest.setLong(2, s.sequence);
                newest.setString(3, vin);
                newest.setLong(4, s.bootId);
                newest.setLong(5, s.bootId);
                newest.setLong(6, s.sequence);
                newest.addBatch();

                if (s.login != null) {
                    model.setString(1, s.login.envelope().getLogin().getModelCode());
                    model.setInt(2, s.login.envelope().getLogin().getModelYear());
                    model.setString(3, vin);
                    model.addBatch();
                }
            }
            insert.executeBatch();
            seenUpdate.executeBatch();
            newest.executeBatch();
            model.executeBatch();
        }
    }
}
