package io.pcmsim.backend.internal.storage;

import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Read-only queries on what the core stores for every message (services have their own queries). Thread-safe: each call opens and closes its own connection,
 * and sees committed data only.
 */
public final class StoreQueries {

    private final Database database;

    public StoreQueries(Database database) {
        this.database = database;
    }

    /** Messages stored for {@code vin}. */
    public long storedMessages(Vin vin) {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM uplink_message WHERE vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot count the stored messages of " + vin + ": " + e.getMessage(), e);
        }
    }

    /** Messages stored for {@code vins} together (each VIN counted once), in one query. */
    public long storedMessages(Collection<Vin> vins) {
        List<String> keys = vins.stream().map(Vin::value).distinct().toList();
        if (keys.isEmpty()) {
            return 0;
        }
        try (Connection c = database.connect();
             ResultSet rs = MultiRow.selectByKeys(c, "SELECT COUNT(*) FROM uplink_message AS t", "vin", keys)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StorageException("cannot count the stored messages of " + keys.size() + " vehicles: "
                    + e.getMessage(), e);
        }
    }

    /**
     * First seen (the vehicle row's, or an earlier stored message's), last seen and newest key of
     * {@code vin}, from its stored messages; empty when none of its messages is stored.
     */
    public Optional<VehicleSeen> seen(Vin vin) {
        String times = "SELECT MIN(m.received_at), MAX(m.received_at), MIN(v.first_seen_at)"
                + " FROM uplink_message m LEFT JOIN vehicle v ON v.vin = m.vin WHERE m.vin = ?";
        String newest = "SELECT boot_id, sequence FROM uplink_message WHERE vin = ?"
                + " ORDER BY boot_id DESC, sequence DESC FETCH FIRST 1 ROWS ONLY";
        try (Connection c = database.connect();
             PreparedStatement t = c.prepareStatement(times);
             PreparedStatement n = c.prepareStatement(newest)) {
            t.setString(1, vin.value());
            n.setString(1, vin.value());
            try (ResultSet rs = t.executeQuery(); ResultSet key = n.executeQuery()) {
                // the aggregate has a row even without messages (NULLs), and the newest key is read by a statement
                // of its own: a message committed between the two is seen by the second only
                OffsetDateTime earliest = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                if (earliest == null || !key.next()) {
                    return Optional.empty();
                }
                Instant first = earliest.toInstant();
                OffsetDateTime row = rs.getObject(3, OffsetDateTime.class);
                if (row != null && row.toInstant().isBefore(first)) {
                    first = row.toInstant();
                }
                return Optional.of(new VehicleSeen(first, rs.getObject(2, OffsetDateTime.class).toInstant(),
                        key.getLong(1), key.getLong(2)));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read when " + vin + " was seen: " + e.getMessage(), e);
        }
    }

    /** Missing sequence numbers per (VIN, boot), see {@link io.pcmsim.backend.SequenceGaps}. */
    public io.pcmsim.backend.SequenceGaps sequenceGaps() {
        // stored and retired (deleted by retention) numbers together: a hole in neither is a lost message
        String sql = "SELECT b.vin, b.boot_id, GREATEST(b.max_seq, COALESCE(r.max_sequence, b.max_seq))"
                + " - LEAST(b.min_seq, COALESCE(r.min_sequence, b.min_seq)) + 1 - b.stored - COALESCE(r.deleted, 0)"
                + " FROM (SELECT vin, boot_id, MIN(sequence) AS min_seq, MAX(sequence) AS max_seq, COUNT(*) AS stored"
                + " FROM uplink_message GROUP BY vin, boot_id) b"
                + " LEFT JOIN retired_sequence r ON r.vin = b.vin AND r.boot_id = b.boot_id";
        long boots = 0;
        long missing = 0;
        java.util.List<String> examples = new java.util.ArrayList<>();
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                boots++;
                long gap = rs.getLong(3);
                if (gap > 0) {
                    missing += gap;
                    if (examples.size() < 10) {
                        examples.add(rs.getString(1) + "/" + rs.getLong(2) + ": " + gap);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot count the missing sequence numbers: " + e.getMessage(), e);
        }
        return new io.pcmsim.backend.SequenceGaps(boots, missing, examples);
    }
}
