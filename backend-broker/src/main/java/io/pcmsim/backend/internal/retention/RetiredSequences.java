package io.pcmsim.backend.internal.retention;

import io.pcmsim.backend.internal.service.MessageKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the retention job deleted of each (VIN, boot)'s messages: a count and the range of sequence numbers, in
 * {@code retired_sequence}. The backend counts a sequence number as missing only when it was neither stored
 * nor deleted by retention ({@link io.pcmsim.backend.SequenceGaps}): services keep their messages for different
 * periods, so deletion leaves holes inside a boot's numbers that are not losses. A boot's row goes when none
 * of its messages is stored any more. Used by the retention job's thread only, inside its transactions.
 */
final class RetiredSequences {

    private static final String UPDATE = "UPDATE retired_sequence SET deleted = deleted + ?,"
            + " min_sequence = LEAST(min_sequence, ?), max_sequence = GREATEST(max_sequence, ?)"
            + " WHERE vin = ? AND boot_id = ?";
    private static final String INSERT = "INSERT INTO retired_sequence (vin, boot_id, deleted, min_sequence,"
            + " max_sequence) VALUES (?, ?, ?, ?, ?)";
    private static final String FORGET = "DELETE FROM retired_sequence r WHERE NOT EXISTS (SELECT 1 FROM"
            + " uplink_message m WHERE m.vin = r.vin AND m.boot_id = r.boot_id)";

    private RetiredSequences() {
    }

    /** Adds {@code keys}, messages deleted in the current transaction, to their boots' rows. */
    static void record(Connection connection, List<MessageKey> keys) throws SQLException {
        Map<String, long[]> byBoot = new LinkedHashMap<>();
        for (MessageKey key : keys) {
            long[] r = byBoot.computeIfAbsent(key.vin() + "/" + key.bootId(),
                    k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
            r[0]++;
            r[1] = Math.min(r[1], key.sequence());
            r[2] = Math.max(r[2], key.sequence());
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<String, long[]> e : byBoot.entrySet()) {
                int slash = e.getKey().indexOf('/');
                String vin = e.getKey().substring(0, slash);
                long boot = Long.parseLong(e.getKey().substring(slash + 1));
                long[] r = e.getValue();
                update.setLong(1, r[0]);
                update.setLong(2, r[1]);
                update.setLong(3, r[2]);
                update.setString(4, vin);
                update.setLong(5, boot);
                if (update.executeUpdate() == 0) {
                    insert.setString(1, vin);
                    insert.setLong(2, boot);
                    insert.setLong(3, r[0]);
                    insert.setLong(4, r[1]);
                    insert.setLong(5, r[2]);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** Deletes the rows of boots none of whose messages is stored any more; returns how many. */
    static int forgetGoneBoots(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(FORGET)) {
            return ps.executeUpdate();
        }
    }
}
