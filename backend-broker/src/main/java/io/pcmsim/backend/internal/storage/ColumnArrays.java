package io.pcmsim.backend.internal.storage;

import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.TimestampUtils;

/**
 * PostgreSQL: the rows of a statement as one array parameter per column, read back as rows by
 * {@code UNNEST(?::varchar[], ?::int8[], ...)}. The statement's text is the same whatever the number of rows, so
 * the driver prepares it on the server once per connection and the server plans it once, where a
 * {@code VALUES (?, ...), (?, ...)} of 500 rows is a new statement of 4,000 parameters to parse and plan every
 * time. The rows are bound through {@link Params} by the same {@link MultiRow.Binder} as on H2; each of its
 * methods names the column's type. {@code UNNEST} returns the rows in array order, so a batch's lock order
 * (decision 20) is kept.
 */
public final class ColumnArrays {

    private final int columns;
    private final int rows;
    private final String[] types;
    /** Per column an array of the element class the driver encodes for its type (Long[], byte[][], ...). */
    private final Object[][] values;

    private ColumnArrays(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        this.types = new String[columns];
        this.values = new Object[columns][];
    }

    /** Collects {@code rows} (not empty), {@code columns} values each, bound by {@code binder}. */
    public static <T> ColumnArrays of(int columns, List<T> rows, MultiRow.Binder<? super T> binder) throws SQLException {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows");
        }
        ColumnArrays arrays = new ColumnArrays(columns, rows.size());
        MultiRow.bindAll(new Params(arrays), columns, rows, binder);
        return arrays;
    }

    /**
     * Runs {@code sql}, in which {@code UNNEST} stands for {@link #unnest()}, once with {@code rows} (none: nothing
     * runs), e.g. {@code UPDATE t SET a = u.a FROM UNNEST AS u (a, id) WHERE t.id = u.id}.
     *
     * @return the update count
     */
    public static <T> int execute(Connection c, String sql, int columns, List<T> rows,
            MultiRow.Binder<? super T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        ColumnArrays arrays = of(columns, rows, binder);
        try (PreparedStatement ps = c.prepareStatement(sql.replace("UNNEST", arrays.unnest()))) {
            arrays.bind(c, ps, 1);
            return ps.executeUpdate();
        }
    }

    /** Called by {@link Params}: the value of parameter {@code index} (1-based, row after row) of SQL type {@code type}. */
    void put(int index, String type, Class<?> element, @Nullable Object value) {
        int column = (index - 1) % columns;
        if (types[column] == null) {
            types[column] = type;
            values[column] = (Object[]) Array.newInstance(element, rows);
        } else if (!types[column].equals(type)) {
            throw new IllegalStateException("column " + (column + 1) + " bound as " + types[column] + " and as " + type);
        }
        values[column][(index - 1) / columns] = value;
    }

    /** {@code UNNEST(?::varchar[], ...)}, one parameter per column. */
    public String unnest() {
        StringJoiner sql = new StringJoiner(", ", "UNNEST(", ")");
        for (String type : types) {
            sql.add("?::" + type + "[]");
        }
        return sql.toString();
    }

    /** Binds the columns' arrays to {@code ps}'s parameters from {@code first} on; returns the next free index. */
    public int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        TimestampUtils times = c.unwrap(BaseConnection.class).getTimestampUtils();
        for (int col = 0; col < columns; col++) {
            Object[] column = values[col];
            if ("timestamptz".equals(types[col]) || "date".equals(types[col])) {
                // as the driver writes a single OffsetDateTime or LocalDate parameter
                String[] text = new String[column.length];
                for (int r = 0; r < column.length; r++) {
                    text[r] = column[r] == null ? null : column[r] instanceof OffsetDateTime t ? times.toString(t)
                            : times.toString((LocalDate) column[r]);
                }
                ps.setArray(first + col, c.createArrayOf(types[col], text));
            } else {
                // Long[], Double[], String[], Boolean[], Integer[], byte[][]: the driver sends these in its binary
                // format (8 bytes a double, nulls included), where createArrayOf would write every number as text
                ps.setObject(first + col, column);
            }
        }
        return first + columns;
    }
}
