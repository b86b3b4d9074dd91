package io.pcmsim.backend.internal.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;

/** Parameter binding that works the same on H2 and PostgreSQL. */
public final class Jdbc {

    private Jdbc() {
    }

    public static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Instant instant(OffsetDateTime value) {
        return value.toInstant();
    }

    public static void setDouble(PreparedStatement ps, int index, OptionalDouble value) throws SQLException {
        if (value.isPresent()) {
            ps.setDouble(index, value.getAsDouble());
        } else {
            ps.setNull(index, Types.DOUBLE);
        }
    }

    public static void setDate(PreparedStatement ps, int index, Optional<LocalDate> value) throws SQLException {
        if (value.isPresent()) {
            ps.setObject(index, value.get());
        } else {
            ps.setNull(index, Types.DATE);
        }
    }

    /**
     * True when the driver reported that a batched statement changed a row. Throws when it cannot tell
     * (e.g. PostgreSQL with {@code reWriteBatchedInserts=true}), because duplicates would go unnoticed.
     */
    public static boolean changed(int count, String statement) {
        if (count == PreparedStatement.SUCCESS_NO_INFO) {
            throw new IllegalStateException("the JDBC driver gives no update count for a batched " + statement
                    + "; do not set reWriteBatchedInserts=true on the JDBC URL");
        }
        return count > 0;
    }
}
