package io.pcmsim.backend.internal.manual;

import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.backend.manual.ChapterUse;
import io.pcmsim.backend.manual.ManualChapter;
import io.pcmsim.backend.manual.ManualCounts;
import io.pcmsim.backend.manual.ManualProfile;
import io.pcmsim.backend.manual.OwnersManual;
import io.pcmsim.backend.manual.UsageStatistics;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** {@link OwnersManual} on the backend's database: each query its own connection, reading committed data. */
final class ManualReads implements OwnersManual {

    private static final int MAX_RECENT = 100;

    private final Database database;
    private final ManualIndex index;
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    ManualReads(Database database, ManualIndex index) {
        this.database = Objects.requireNonNull(database, "database");
        this.index = Objects.requireNonNull(index, "index");
    }

    void profileUnmatched() {
        unmatched.incrementAndGet();
    }

    void malformed(int count) {
        malformed.addAndGet(count);
    }

    @Override
    public List<ManualChapter> chapters(String messageCode) {
        return index.chapters(messageCode);
    }

    @Override
    public Optional<ManualProfile> profile(Vin vin) {
        return read("read the manual profile of " + vin, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT user_id, created_at, last_used_at FROM manual_profile WHERE vin = ?")) {
                ps.setString(1, vin.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ManualProfile(vin, rs.getString(1), instant(rs, 2), instant(rs, 3)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ChapterUse> favourites(Vin vin) {
        return uses("read the favourites of " + vin, "SELECT chapter_id, added_at FROM manual_favourite WHERE vin = ?"
                + " ORDER BY added_at DESC, chapter_id", vin, Integer.MAX_VALUE);
    }

    @Override
    public List<ChapterUse> recent(Vin vin, int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_RECENT + ", was " + limit);
        }
        return uses("read the recent chapters of " + vin, "SELECT chapter_id, MAX(received_at) AS at FROM manual_usage"
                + " WHERE vin = ? AND kind = 'CHAPTER_VISITED' GROUP BY chapter_id ORDER BY at DESC, chapter_id", vin, limit);
    }

    private List<ChapterUse> uses(String what, String sql, Vin vin, int limit) {
        return read(what, c -> {
            List<ChapterUse> uses = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, vin.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && uses.size() < limit) {
                        uses.add(new ChapterUse(index.chapterOrId(rs.getString(1)), instant(rs, 2)));
                    }
                }
            }
            return uses;
        });
    }

    @Override
    public UsageStatistics statistics(YearMonth month) {
        return read("read the manual statistics of " + month, c -> {
            List<UsageStatistics.Cell> cells = new ArrayList<>();
            int suppressed = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT model_line, kind, message_code, chapter_id, events"
                    + " FROM manual_statistic WHERE stat_month = ? ORDER BY model_line, kind, message_code, chapter_id")) {
                ps.setString(1, month.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long events = rs.getLong(5);
                        if (events < UsageStatistics.MINIMUM_COUNT) {
                            suppressed++;
                        } else {
                            cells.add(new UsageStatistics.Cell(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), events));
                        }
                    }
                }
            }
            return new UsageStatistics(month, cells, suppressed);
        });
    }

    @Override
    public ManualCounts counts() {
        return read("count the manual data", c -> {
            long[] usage = new long[4];
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*),"
                    + " SUM(CASE WHEN kind = 'MESSAGE_SHOWN' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN kind = 'MESSAGE_SHOWN' AND links > 0 THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN kind = 'CHAPTER_VISITED' THEN 1 ELSE 0 END) FROM manual_usage");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < usage.length; i++) {
                    usage[i] = rs.getLong(i + 1);
                }
            }
            return new ManualCounts(usage[0], usage[1], usage[2], usage[1] - usage[2], usage[3],
                    count(c, "manual_favourite"), count(c, "manual_profile"), unmatched.get(), malformed.get());
        });
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        return Jdbc.instant(rs.getObject(column, OffsetDateTime.class));
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(String what, Work<T> work) {
        try (Connection c = database.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
