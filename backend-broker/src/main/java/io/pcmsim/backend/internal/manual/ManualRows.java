package io.pcmsim.backend.internal.manual;

import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manual's writes inside the writer's transaction: usage rows, favourites, profiles and the anonymised
 * statistics. Statements that may meet a row another backend writes at the same moment update first, insert
 * when nothing was there ({@code ON CONFLICT DO NOTHING}) and update again when the insert lost that race.
 */
final class ManualRows {

    private static final String INSERT_USAGE = "INSERT INTO manual_usage (vin, boot_id, sequence, kind,"
            + " message_code, chapter_id, links, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String ADD_STATISTIC = "UPDATE manual_statistic SET events = events + ? WHERE stat_month = ?"
            + " AND model_line = ? AND kind = ? AND message_code = ? AND chapter_id = ?";
    private static final String INSERT_STATISTIC = "INSERT INTO manual_statistic (stat_month, model_line, kind,"
            + " message_code, chapter_id, period_end, events) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private ManualRows() {
    }

    /** One manual event of a car, keyed like its message. */
    record Usage(Vin vin, long bootId, long sequence, String kind, String messageCode, String chapterId, int links,
            Instant receivedAt) {
    }

    /** A cell of the statistics. */
    record StatisticKey(YearMonth month, String modelLine, String kind, String messageCode, String chapterId)
            implements Comparable<StatisticKey> {

        @Override
        public int compareTo(StatisticKey o) {
            return (month + "\t" + modelLine + "\t" + kind + "\t" + messageCode + "\t" + chapterId)
                    .compareTo(o.month + "\t" + o.modelLine + "\t" + o.kind + "\t" + o.messageCode + "\t" + o.chapterId);
        }
    }

    static void insertUsage(Connection c, List<Usage> rows) throws SQLException {
        MultiRow.batch(c, INSERT_USAGE, rows, (p, u) -> p.string(u.vin().value()).bigint(u.bootId())
                .bigint(u.sequence()).string(u.kind())
                .nullableString(u.messageCode().isEmpty() ? null : u.messageCode())
                .nullableString(u.chapterId().isEmpty() ? null : u.chapterId()).bigint(u.links())
                .instant(u.receivedAt()));
    }

    /** Adds the counts, cell by cell in key order (two backends lock the cells in one order). */
    static void addStatistics(Connection c, Map<StatisticKey, Long> counts) throws SQLException {
        for (Map.Entry<StatisticKey, Long> e : counts.entrySet()) {
            StatisticKey k = e.getKey();
            if (add(c, k, e.getValue()) > 0) {
                continue;
            }
            int inserted;
            try (PreparedStatement ps = c.prepareStatement(INSERT_STATISTIC)) {
                new Params(ps).string(k.month().toString()).string(k.modelLine()).string(k.kind())
                        .string(k.messageCode()).string(k.chapterId())
                        .instant(k.month().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                        .bigint(e.getValue());
                inserted = ps.executeUpdate();
            }
            if (inserted == 0) {
                add(c, k, e.getValue());
            }
        }
    }

    private static int add(Connection c, StatisticKey k, long events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ADD_STATISTIC)) {
            new Params(ps).bigint(events).string(k.month().toString()).string(k.modelLine()).string(k.kind())
                    .string(k.messageCode()).string(k.chapterId());
            return ps.executeUpdate();
        }
    }

    /** Adds or removes a favourite, in the order the car sent them. */
    static void favourite(Connection c, Vin vin, String chapterId, boolean add, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM manual_favourite WHERE vin = ? AND chapter_id = ?")) {
            new Params(ps).string(vin.value()).string(chapterId);
            ps.executeUpdate();
        }
        if (add) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO manual_favourite (vin, chapter_id, added_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                new Params(ps).string(vin.value()).string(chapterId).instant(at);
                ps.executeUpdate();
            }
        }
    }

    /** The user ID's name in the identity registry, if the ID is registered. */
    static Optional<String> registeredName(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM identity_user WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Links {@code userId}'s profile to {@code vin}; a profile of the same user keeps its creation time. */
    static void linkProfile(Connection c, Vin vin, String userId, Instant now) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE manual_profile SET created_at = CASE WHEN user_id = ?"
                + " THEN created_at ELSE ? END, user_id = ?, last_used_at = ? WHERE vin = ?")) {
            new Params(ps).string(userId).instant(now).string(userId).instant(now).string(vin.value());
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO manual_profile (vin, user_id, created_at,"
                    + " last_used_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                new Params(ps).string(vin.value()).string(userId).instant(now).instant(now);
                ps.executeUpdate();
            }
        }
    }

    /** The profiles of these cars were used now. */
    static void touchProfiles(Connection c, Collection<Vin> vins, Instant now) throws SQLException {
        MultiRow.batch(c, "UPDATE manual_profile SET last_used_at = ? WHERE vin = ?", List.copyOf(vins),
                (p, vin) -> p.instant(now).string(vin.value()));
    }
}
