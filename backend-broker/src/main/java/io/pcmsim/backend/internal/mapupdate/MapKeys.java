package io.pcmsim.backend.internal.mapupdate;

import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.Vin;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SQL of the entitlement check and of {@code map_key}, in the caller's connection and transaction. The
 * entitlement needs a connectivity package valid now; no user ID (see docs/decisions.md).
 */
final class MapKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MapKeys() {
    }

    /** 128 random bits as 32 lower-case hex digits. */
    static AnonymousMapKey newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new AnonymousMapKey(HexFormat.of().formatHex(bytes));
    }

    /** Whether {@code vin} has a connectivity package valid at {@code now}. */
    static boolean entitled(Connection c, Vin vin, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT valid_from, valid_until FROM connectivity_package"
                + " WHERE vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                Instant from = rs.getObject(1, OffsetDateTime.class).toInstant();
                Instant until = rs.getObject(2, OffsetDateTime.class).toInstant();
                return !now.isBefore(from) && now.isBefore(until);
            }
        }
    }

    static void insert(Connection c, AnonymousMapKey key, Vin vin, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO map_key (anonymous_key, vin, issued_at) VALUES (?, ?, ?)")) {
            new Params(ps).string(key.value()).string(vin.value()).instant(now);
            ps.executeUpdate();
        }
    }

    /** Marks every live key of {@code vin} revoked. @return those keys */
    static List<AnonymousMapKey> revokeAll(Connection c, Vin vin, Instant now) throws SQLException {
        List<AnonymousMapKey> live = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT anonymous_key FROM map_key WHERE vin = ? AND revoked_at IS NULL")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    live.add(new AnonymousMapKey(rs.getString(1)));
                }
            }
        }
        if (!live.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE map_key SET revoked_at = ? WHERE vin = ? AND revoked_at IS NULL")) {
                new Params(ps).instant(now).string(vin.value());
                ps.executeUpdate();
            }
        }
        return live;
    }
}
