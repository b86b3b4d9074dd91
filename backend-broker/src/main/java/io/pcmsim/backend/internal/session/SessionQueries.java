package io.pcmsim.backend.internal.session;

import io.pcmsim.backend.ReportedSettings;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The session's read-only queries. Thread-safe: each call opens and closes its own connection, and sees
 * committed data only.
 */
public final class SessionQueries {

    private static final String NEWEST_LOGIN = "SELECT boot_id, sequence, privacy_mode,"
            + " group_with_location_enabled, group_without_location_enabled, disabled_services, live_diagnosis,"
            + " online_software_update, online_map_update FROM login WHERE vin = ?"
            + " ORDER BY boot_id DESC, sequence DESC FETCH FIRST 1 ROWS ONLY";

    private final Database database;

    public SessionQueries(Database database) {
        this.database = database;
    }

    /**
     * Which of {@code vins} declared live diagnosis in their newest stored login (by boot id, then
     * sequence), on {@code connection} (e.g. inside the ingest transaction): one query for all of them.
     */
    public static Set<Vin> liveDiagnosisCapable(Connection connection, Collection<Vin> vins) throws SQLException {
        if (vins.isEmpty()) {
            return Set.of();
        }
        List<String> keys = vins.stream().map(Vin::value).distinct().toList();
        Map<String, long[]> newest = new HashMap<>();
        Set<String> capable = new HashSet<>();
        try (ResultSet rs = MultiRow.selectByKeys(connection,
                "SELECT t.vin, t.boot_id, t.sequence, t.live_diagnosis FROM login AS t", "vin", keys)) {
            while (rs.next()) {
                String vin = rs.getString(1);
                long[] key = {rs.getLong(2), rs.getLong(3)};
                long[] seen = newest.get(vin);
                if (seen == null || key[0] > seen[0] || key[0] == seen[0] && key[1] > seen[1]) {
                    newest.put(vin, key);
                    if (rs.getBoolean(4)) {
                        capable.add(vin);
                    } else {
                        capable.remove(vin);
                    }
                }
            }
        }
        Set<Vin> result = new HashSet<>();
        for (Vin vin : vins) {
            if (capable.contains(vin.value())) {
                result.add(vin);
            }
        }
        return result;
    }

    /** The settings of {@code vin}'s newest stored login (by boot id, then sequence), if any. */
    public Optional<ReportedSettings> newestSettings(Vin vin) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(NEWEST_LOGIN)) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String disabled = rs.getString(6);
                List<String> services = disabled.isEmpty() ? List.of() : Arrays.asList(disabled.split(","));
                return Optional.of(new ReportedSettings(rs.getLong(1), rs.getLong(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), services, rs.getBoolean(7), rs.getBoolean(8),
                        rs.getBoolean(9)));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the newest login of " + vin + ": " + e.getMessage(), e);
        }
    }
}
