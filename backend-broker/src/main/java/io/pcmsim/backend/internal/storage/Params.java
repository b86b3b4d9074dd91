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
import org.jspecify.annotations.Nullable;

/**
 * Binds the parameters of a statement one after the other, the same on H2 and PostgreSQL (see {@link Jdbc}), or
 * collects them as one array per column ({@link ColumnArrays}, PostgreSQL).
 */
public final class Params {

    private final @Nullable PreparedStatement ps;
    private final @Nullable ColumnArrays arrays;
    private int next = 1;

    public Params(PreparedStatement ps) {
        this.ps = ps;
        this.arrays = null;
    }

    Params(ColumnArrays arrays) {
        this.ps = null;
        this.arrays = arrays;
    }

    /** Collects the value when collecting column arrays; false when binding to the statement. */
    private boolean collected(String type, Class<?> element, @Nullable Object value) {
        if (arrays == null) {
            return false;
        }
        arrays.put(next++, type, element, value);
        return true;
    }

    /** Index of the next parameter (1-based). */
    int next() {
        return next;
    }

    public Params string(String value) throws SQLException {
        if (collected("varchar", String.class, value)) {
            return this;
        }
        ps.setString(next++, value);
        return this;
    }

    /** {@code value}, or NULL of type VARCHAR. */
    public Params nullableString(@Nullable String value) throws SQLException {
        if (collected("varchar", String.class, value)) {
            return this;
        }
        if (value == null) {
            ps.setNull(next++, Types.VARCHAR);
        } else {
            ps.setString(next++, value);
        }
        return this;
    }

    public Params bigint(long value) throws SQLException {
        if (collected("int8", Long.class, value)) {
            return this;
        }
        ps.setLong(next++, value);
        return this;
    }

    /** {@code value}, or NULL of type BIGINT. */
    public Params nullableBigint(@Nullable Long value) throws SQLException {
        if (collected("int8", Long.class, value)) {
            return this;
        }
        if (value == null) {
            ps.setNull(next++, Types.BIGINT);
        } else {
            ps.setLong(next++, value);
        }
        return this;
    }

    /** {@code value}, or NULL of type INTEGER. */
    public Params nullableInteger(@Nullable Integer value) throws SQLException {
        if (collected("int4", Integer.class, value)) {
            return this;
        }
        if (value == null) {
            ps.setNull(next++, Types.INTEGER);
        } else {
            ps.setInt(next++, value);
        }
        return this;
    }

    public Params bool(boolean value) throws SQLException {
        if (collected("bool", Boolean.class, value)) {
            return this;
        }
        ps.setBoolean(next++, value);
        return this;
    }

    public Params bytes(byte[] value) throws SQLException {
        if (collected("bytea", byte[].class, value)) {
            return this;
        }
        ps.setBytes(next++, value);
        return this;
    }

    public Params instant(Instant value) throws SQLException {
        if (collected("timestamptz", Object.class, OffsetDateTime.ofInstant(value, ZoneOffset.UTC))) {
            return this;
        }
        Jdbc.setInstant(ps, next++, value);
        return this;
    }

    public Params nullableInstant(@Nullable Instant value) throws SQLException {
        @Nullable OffsetDateTime utc = value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
        if (collected("timestamptz", Object.class, utc)) {
            return this;
        }
        if (value == null) {
            ps.setNull(next++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            Jdbc.setInstant(ps, next++, value);
        }
        return this;
    }

    public Params dbl(OptionalDouble value) throws SQLException {
        if (collected("float8", Double.class, value.isPresent() ? value.getAsDouble() : null)) {
            return this;
        }
        Jdbc.setDouble(ps, next++, value);
        return this;
    }

    public Params date(Optional<LocalDate> value) throws SQLException {
        if (collected("date", Object.class, value.orElse(null))) {
            return this;
        }
        Jdbc.setDate(ps, next++, value);
        return this;
    }
}
