package io.pcmsim.backend.internal.softwareupdate;

import io.pcmsim.backend.softwareupdate.UpdateRecord;
import io.pcmsim.backend.softwareupdate.WaveProgress;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Update records ({@code update_record}) and reported versions ({@code installed_software}) on a caller's connection. */
final class RecordRows {

    private static final String RECORD = "SELECT campaign_id, vin, wave, state, failure_reason, offered_at, updated_at"
            + " FROM update_record";

    private RecordRows() {
    }

    /** The versions {@code vin} reported now replace the ones it reported before, component by component. */
    static void reportInstalled(Connection c, Vin vin, Map<String, String> versions, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE installed_software SET version = ?, reported_at = ? WHERE vin = ? AND component = ?");
             PreparedStatement insert = c.prepareStatement(
                "INSERT INTO installed_software (vin, component, version, reported_at) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> e : versions.entrySet()) {
                update.setString(1, e.getValue());
                update.setObject(2, at(now));
                update.setString(3, vin.value());
                update.setString(4, e.getKey());
                if (update.executeUpdate() == 0) {
                    insert.setString(1, vin.value());
                    insert.setString(2, e.getKey());
                    insert.setString(3, e.getValue());
                    insert.setObject(4, at(now));
                    insert.executeUpdate();
                }
            }
        }
    }

    static Map<String, String> installed(Connection c, Vin vin) throws SQLException {
        Map<String, String> versions = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT component, version FROM installed_software WHERE vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return versions;
    }

    /** Whether a user is linked to {@code vin} and its connectivity package is valid at {@code now}. */
    static boolean entitled(Connection c, Vin vin, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.valid_from, p.valid_until FROM vehicle_owner o"
                + " JOIN connectivity_package p ON p.vin = o.vin WHERE o.vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && !now.isBefore(rs.getObject(1, OffsetDateTime.class).toInstant())
                        && now.isBefore(rs.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
    }

    static Optional<UpdateRecord> record(Connection c, String campaignId, Vin vin) throws SQLException {
        List<UpdateRecord> found = records(c, " WHERE campaign_id = ? AND vin = ?", campaignId, vin.value());
        return found.stream().findFirst();
    }

    static List<UpdateRecord> records(Connection c, String where, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RECORD + where + " ORDER BY offered_at, campaign_id")) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<UpdateRecord> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new UpdateRecord(rs.getString(1), new Vin(rs.getString(2)), rs.getInt(3), rs.getString(4),
                            Optional.ofNullable(rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
            return found;
        }
    }

    static void offer(Connection c, String campaignId, Vin vin, int wave, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO update_record (campaign_id, vin, wave, state,"
                + " accepted, offered_at, updated_at) VALUES (?, ?, ?, 'OFFERED', FALSE, ?, ?)")) {
            ps.setString(1, campaignId);
            ps.setString(2, vin.value());
            ps.setInt(3, wave);
            ps.setObject(4, at(now));
            ps.setObject(5, at(now));
            ps.executeUpdate();
        }
    }

    /** The car's new state; false when it has no record in the campaign. */
    static boolean state(Connection c, String campaignId, Vin vin, String state, boolean accepted,
            Optional<String> reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE update_record SET state = ?, accepted = (accepted OR ?),"
                + " failure_reason = ?, updated_at = ? WHERE campaign_id = ? AND vin = ?")) {
            ps.setString(1, state);
            ps.setBoolean(2, accepted);
            ps.setString(3, reason.map(r -> r.length() > 200 ? r.substring(0, 200) : r).orElse(null));
            ps.setObject(4, at(now));
            ps.setString(5, campaignId);
            ps.setString(6, vin.value());
            return ps.executeUpdate() > 0;
        }
    }

    /** A wave's cars by state. */
    static WaveProgress wave(Connection c, String campaignId, int wave, int size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*),"
                + " COALESCE(SUM(CASE WHEN accepted THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN state = 'INSTALLED' THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN state = 'DECLINED' THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN state = 'DEFERRED' THEN 1 ELSE 0 END), 0)"
                + " FROM update_record WHERE campaign_id = ? AND wave = ?")) {
            ps.setString(1, campaignId);
            ps.setInt(2, wave);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new WaveProgress(wave, size, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6));
            }
        }
    }

    /** Records by state, all campaigns. */
    static Map<String, Long> byState(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM update_record GROUP BY state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
