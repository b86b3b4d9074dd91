package io.pcmsim.backend.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Statements with many rows of parameters ({@code VALUES (?, ?), (?, ?), ...}): one execution, and on
 * PostgreSQL one round trip, per chunk of rows instead of per row. Portable SQL (H2 and PostgreSQL).
 */
public final class MultiRow {

    /** PostgreSQL's protocol allows at most 32,767 parameters in one statement. */
    private static final int MAX_PARAMETERS = 32_767;
    private static final int MAX_ROWS = 500;

    /** Binds one row's parameters, in column order. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(Params params, T row) throws SQLException;
    }

    private MultiRow() {
    }

    /**
     * Runs {@code sql} once per row as one JDBC batch (H2: no round trip to save, so no statement of many rows
     * to build; PostgreSQL: the statements of rare events).
     *
     * @return the update count of each row's execution, in order; empty for no rows
     */
    public static <T> int[] batch(Connection c, String sql, List<T> rows, Binder<? super T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(new Params(ps), row);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /** How many rows of {@code columns} parameters one statement takes at most. */
    public static int rowsPerStatement(int columns) {
        return Math.min(MAX_ROWS, MAX_PARAMETERS / columns);
    }

    /** {@code (?, ?), (?, ?)} for {@code rows} rows of {@code columns} parameters. */
    public static String values(int rows, int columns) {
        StringBuilder one = new StringBuilder(columns * 3 + 2).append('(');
        for (int c = 0; c < columns; c++) {
            one.append(c == 0 ? "?" : ", ?");
        }
        one.append(')');
        StringBuilder all = new StringBuilder(rows * (one.length() + 2));
        for (int r = 0; r < rows; r++) {
            all.append(r == 0 ? "" : ", ").append(one);
        }
        return all.toString();
    }

    /**
     * Inserts {@code rows}: on PostgreSQL with one statement {@code head SELECT * FROM UNNEST(...) tail}
     * ({@link ColumnArrays}), on H2 with as few statements as {@link #rowsPerStatement(int)} allows:
     * {@code head VALUES (...), (...) tail}.
     *
     * @param head e.g. {@code INSERT INTO t (a, b)}
     * @param tail e.g. {@code ON CONFLICT DO NOTHING}, or empty
     */
    public static <T> void insert(Connection c, String head, int columns, String tail, List<T> rows,
                                  Binder<? super T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (Dialect.of(c) == Dialect.POSTGRESQL) {
            ColumnArrays arrays = ColumnArrays.of(columns, rows, binder);
            try (PreparedStatement ps = c.prepareStatement(head + " SELECT * FROM " + arrays.unnest()
                    + (tail.isEmpty() ? "" : " " + tail))) {
                arrays.bind(c, ps, 1);
                ps.executeUpdate();
            }
            return;
        }
        int chunk = rowsPerStatement(columns);
        for (int from = 0; from < rows.size(); from += chunk) {
            List<T> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            try (PreparedStatement ps = c.prepareStatement(head + " VALUES " + values(part.size(), columns)
                    + (tail.isEmpty() ? "" : " " + tail))) {
                bind(ps, columns, part, binder);
                ps.executeUpdate();
            }
        }
    }

    /** Binds {@code rows} to {@code ps}, {@code columns} parameters each; checks that each row bound all. */
    public static <T> void bind(PreparedStatement ps, int columns, List<T> rows, Binder<? super T> binder)
            throws SQLException {
        bindAll(new Params(ps), columns, rows, binder);
    }

    /** Binds {@code rows} through {@code params}, {@code columns} parameters each; checks that each row bound all. */
    static <T> void bindAll(Params params, int columns, List<T> rows, Binder<? super T> binder) throws SQLException {
        for (T row : rows) {
            int before = params.next();
            binder.bind(params, row);
            if (params.next() - before != columns) {
                throw new IllegalStateException("a row bound " + (params.next() - before) + " parameters, the"
                        + " statement has " + columns + " per row");
            }
        }
    }

    /**
     * Which of {@code keys} are in {@code table}'s column {@code key} (its primary key): one
     * {@code SELECT} joining the keys (one array parameter, {@code UNNEST}) to the table, which H2 answers with
     * one lookup in the primary key's index per key (for {@code key IN (?, ?, ...)} and {@code key = ANY (?)} it
     * compared every row found with every key).
     */
    public static Set<String> existing(Connection c, String table, String key, List<String> keys) throws SQLException {
        Set<String> found = new HashSet<>();
        try (ResultSet rs = selectByKeys(c, "SELECT t." + key + " FROM " + table + " AS t", key, keys)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    /**
     * Runs {@code select JOIN UNNEST(?) ...} (the table aliased {@code t} in {@code select}) with {@code keys} as
     * one VARCHAR array; the caller closes the result (which closes its statement).
     */
    public static ResultSet selectByKeys(Connection c, String select, String key, List<String> keys)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(select + " JOIN UNNEST(?) AS wanted (k) ON t." + key + " = wanted.k");
        try {
            ps.setArray(1, c.createArrayOf("VARCHAR", keys.toArray()));
            ps.closeOnCompletion();
            return ps.executeQuery();
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
