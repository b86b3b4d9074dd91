package io.pcmsim.backend.internal.session;

import io.pcmsim.backend.ReportedSettings;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
