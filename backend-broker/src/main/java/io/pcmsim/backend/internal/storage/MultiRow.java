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
     * Inserts {@code rows} with as few statements as {@link #rowsPerStatement(int)} allows:
     * {@code head VALUES (...), (...) tail}.
     *
     * @param head e.g. {@code INSERT INTO t (a, b)}
     * @param tail e.g. {@code ON CONFLICT DO NOTHING}, or empty
     */
    public static <T> void insert(Connection c, String head, int columns, String tail, List<T> rows,
                                  Binder<? super T> binder) throws SQLException {
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
        Params params = new Params(ps);
        for (T row : rows) {
            int before = params.next();
            binder.bind(params, row);
            if (params.next() - before != columns) {
                throw new IllegalStateException("a row bound " + (params.next() - before) + " parameters, the"
                        + " statement has " + columns + " per row");
            }
        }
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} parameters. */
    public static String placeholders(int n) {
        StringBuilder all = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            all.append(i == 0 ? "?" : ", ?");
        }
        return all.toString();
    }

    /**
     * Which of {@code keys} are in {@code table}'s column {@code key} (its primary key): one
     * {@code SELECT ... WHERE key IN (...)} per chunk of {@link #MAX_ROWS} keys.
     */
    public static Set<String> existing(Connection c, String table, String key, List<String> keys) throws SQLException {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < keys.size(); from += MAX_ROWS) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + MAX_ROWS));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + key + " FROM " + table + " WHERE " + key
                    + " IN (" + placeholders(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }
}
