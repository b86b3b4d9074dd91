package io.pcmsim.backend.internal.retention;

import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.retention.ClassDeletion;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** The run records in {@code retention_run} and {@code retention_run_class}; statements on a given connection. */
final class RunRecords {

    private static final int MAX_ERROR = 2000;
    private static final String RUN_COLUMNS = "run_id, as_of, started_at, finished_at, triggered_by, outcome, error";

    private RunRecords() {
    }

    /** Inserts a RUNNING run; returns its id. Does not commit. */
    static long begin(Connection c, Instant asOf, Instant startedAt, RetentionTrigger trigger) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO retention_run (as_of, started_at, triggered_by,"
                + " outcome) VALUES (?, ?, ?, ?)", new String[] {"run_id"})) {
            Jdbc.setInstant(ps, 1, asOf);
            Jdbc.setInstant(ps, 2, startedAt);
            ps.setString(3, trigger.name());
            ps.setString(4, RetentionRun.Outcome.RUNNING.name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Adds what the run deleted of one class, as its {@code position}th. Does not commit. */
    static void addClass(Connection c, long runId, int position, ClassDeletion d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO retention_run_class (run_id, position,"
                + " data_class, keep_period, rationale, cutoff, deleted, deleted_by_table)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setInt(2, position);
            ps.setString(3, d.dataClass());
            ps.setString(4, d.keep().toString());
            ps.setString(5, d.rationale());
            Jdbc.setInstant(ps, 6, d.cutoff());
            ps.setLong(7, d.deleted());
            StringJoiner tables = new StringJoiner(",");
            d.byTable().forEach((table, rows) -> tables.add(table + "=" + rows));
            ps.setString(8, tables.toString());
            ps.executeUpdate();
        }
    }

    /** Ends the run. Does not commit. */
    static void finish(Connection c, long runId, Instant finishedAt, RetentionRun.Outcome outcome,
            @Nullable String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE retention_run SET finished_at = ?, outcome = ?,"
                + " error = ? WHERE run_id = ?")) {
            Jdbc.setInstant(ps, 1, finishedAt);
            ps.setString(2, outcome.name());
            ps.setString(3, error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR));
            ps.setLong(4, runId);
            ps.executeUpdate();
        }
    }

    /** The newest {@code limit} runs, newest first. */
    static List<RetentionRun> newest(Connection c, int limit) throws SQLException {
        return read(c, "SELECT " + RUN_COLUMNS + " FROM retention_run ORDER BY run_id DESC FETCH FIRST ? ROWS ONLY",
                limit);
    }

    static Optional<RetentionRun> find(Connection c, long runId) throws SQLException {
        return read(c, "SELECT " + RUN_COLUMNS + " FROM retention_run WHERE run_id = ?", runId).stream().findFirst();
    }

    private static List<RetentionRun> read(Connection c, String sql, long parameter) throws SQLException {
        record Head(long id, Instant asOf, Instant startedAt, @Nullable Instant finishedAt, String trigger,
                    String outcome, @Nullable String error) {
        }
        List<Head> heads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime finished = rs.getObject(4, OffsetDateTime.class);
                    heads.add(new Head(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            finished == null ? null : finished.toInstant(), rs.getString(5), rs.getString(6),
                            rs.getString(7)));
                }
            }
        }
        List<RetentionRun> runs = new ArrayList<>(heads.size());
        for (Head h : heads) {
            runs.add(new RetentionRun(h.id(), h.asOf(), h.startedAt(), Optional.ofNullable(h.finishedAt()),
                    RetentionTrigger.valueOf(h.trigger()), RetentionRun.Outcome.valueOf(h.outcome()),
                    Optional.ofNullable(h.error()), classes(c, h.id())));
        }
        return runs;
    }

    private static List<ClassDeletion> classes(Connection c, long runId) throws SQLException {
        List<ClassDeletion> classes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data_class, keep_period, rationale, cutoff, deleted,"
                + " deleted_by_table FROM retention_run_class WHERE run_id = ? ORDER BY position")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    classes.add(new ClassDeletion(rs.getString(1), Period.parse(rs.getString(2)), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getLong(5), byTable(rs.getString(6))));
                }
            }
        }
        return classes;
    }

    private static Map<String, Long> byTable(String text) {
        Map<String, Long> rows = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                rows.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return rows;
    }
}
