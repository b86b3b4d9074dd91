package io.pcmsim.backend.internal.storage;

import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
}
