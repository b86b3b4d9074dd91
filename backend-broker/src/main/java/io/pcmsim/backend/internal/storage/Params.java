package io.pcmsim.backend.internal.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** Binds the parameters of a statement one after the other, the same on H2 and PostgreSQL (see {@link Jdbc}). */
public final class Params {

    private final PreparedStatement ps;
    private int next = 1;

    public Params(PreparedStatement ps) {
        this.ps = ps;
    }

    /** Index of the next parameter (1-based). */
    int next() {
        return next;
    }

    public Params string(String value) throws SQLException {
        ps.setString(next++, value);
        return this;
    }

    /** {@code value}, or NULL of type VARCHAR. */
    public Params nullableString(@Nullable String value) throws SQLException {
        if (value == null) {
            ps.setNull(next++, Types.VARCHAR);
        } else {
            ps.setString(next++, value);
        }
        return this;
    }

    public Params bigint(long value) throws SQLException {
        ps.setLong(next++, value);
        return this;
    }

    /** {@code value}, or NULL of type BIGINT. */
    public Params nullableBigint(@Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(next++, Types.BIGINT);
        } else {
            ps.setLong(next++, value);
        }
        return this;
    }

    /** {@code value}, or NULL of type INTEGER. */
    public Params nullableInteger(@Nullable Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(next++, Types.INTEGER);
        } else {
            ps.setInt(next++, value);
        }
        return this;
    }

    public Params bool(boolean value) throws SQLException {
        ps.setBoolean(next++, value);
        return this;
    }

    public Params bytes(byte[] value) throws SQLException {
        ps.setBytes(next++, value);
        return this;
    }

    public Params instant(Instant value) throws SQLException {
        Jdbc.setInstant(ps, next++, value);
        return this;
    }

    public Params dbl(OptionalDouble value) throws SQLException {
        Jdbc.setDouble(ps, next++, value);
        return this;
    }

    public Params date(Optional<LocalDate> value) throws SQLException {
        Jdbc.setDate(ps, next++, value);
        return this;
    }
}
