package io.pcmsim.backend.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A batch of message keys in a statement: {@code WHERE (vin, boot_id, sequence) IN } + {@link #in}. PostgreSQL
 * gets the keys as three array parameters ({@code (SELECT * FROM UNNEST(...))}: one statement text whatever the
 * batch size, planned as a join on the key; a list of 1,000 row values took 20 times longer to delete); H2 a
 * list of row values {@code ((?, ?, ?), ...)}.
 */
public final class MessageKeys {

    private static final String UNNEST = "(SELECT * FROM UNNEST(?::varchar[], ?::int8[], ?::int8[]))";

    private MessageKeys() {
    }

    /** The right side of {@code (vin, boot_id, sequence) IN} for {@code count} keys on {@code connection}'s database. */
    public static String in(Connection connection, int count) throws SQLException {
        if (postgres(connection)) {
            return UNNEST;
        }
        StringBuilder sql = new StringBuilder(count * 11 + 2).append('(');
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        return sql.append(')').toString();
    }

    /** Binds {@code keys} to the parameters of {@link #in} from {@code first} on; returns the next free index. */
    public static int bind(Connection connection, PreparedStatement ps, int first, List<MessageKey> keys)
            throws SQLException {
        if (postgres(connection)) {
            String[] vins = new String[keys.size()];
            Long[] boots = new Long[keys.size()];
            Long[] sequences = new Long[keys.size()];
            for (int i = 0; i < vins.length; i++) {
                vins[i] = keys.get(i).vin();
                boots[i] = keys.get(i).bootId();
                sequences[i] = keys.get(i).sequence();
            }
            ps.setArray(first, connection.createArrayOf("varchar", vins));
            ps.setArray(first + 1, connection.createArrayOf("int8", boots));
            ps.setArray(first + 2, connection.createArrayOf("int8", sequences));
            return first + 3;
        }
        int i = first;
        for (MessageKey k : keys) {
            ps.setString(i++, k.vin());
            ps.setLong(i++, k.bootId());
            ps.setLong(i++, k.sequence());
        }
        return i;
    }

    private static boolean postgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
