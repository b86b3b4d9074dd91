package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.internal.storage.ColumnArrays;
import io.pcmsim.backend.internal.storage.Dialect;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each vehicle's newest state in {@code smart_service_vehicle}, one row per VIN, and tells which
 * vehicles' states a batch replaced. Newest by the car's clock, because after a reconnect the car's outbox
 * sends older reports under the new boot id after the fresh login; ties by boot id, then sequence.
 *
 * <p>The write is the claim: a candidate (a batch's newest state of a vehicle) replaces the row only when it
 * is newer, so two backends never both make an older state the newest. PostgreSQL: one
 * {@code INSERT ... ON CONFLICT (vin) DO UPDATE ... WHERE newer RETURNING} for the batch, in VIN order (it
 * locks the rows it writes in that order). H2 (in-process, one writer): one {@code SELECT} of the batch's
 * rows, the decision in Java, then inserts and UPDATEs conditional on the row read; a row changed meanwhile
 * fails the batch as a serialization failure (SQLSTATE 40001), which is retried.
 */
final class NewestStates {

    private static final String COLUMNS = "vin, vehicle_time, boot_id, sequence, model_code, model_year, powertrain, "
            + StateColumns.NAMES;
    private static final int COUNT = 7 + StateColumns.COUNT;
    private static final String UPSERT_HEAD = "INSERT INTO smart_service_vehicle AS v (" + COLUMNS + ")";
    private static final String NEWER = "v.vehicle_time < EXCLUDED.vehicle_time OR (v.vehicle_time = EXCLUDED.vehicle_time"
            + " AND (v.boot_id < EXCLUDED.boot_id OR (v.boot_id = EXCLUDED.boot_id AND v.sequence < EXCLUDED.sequence)))";
    private static final String UPSERT_TAIL = "ON CONFLICT (vin) DO UPDATE SET "
            + Arrays.stream(COLUMNS.split(",")).map(String::trim).filter(n -> !n.equals("vin"))
                    .map(n -> n + " = EXCLUDED." + n).collect(Collectors.joining(", "))
            + " WHERE " + NEWER + " RETURNING v.vin";
    private static final String INSERT = "INSERT INTO smart_service_vehicle (" + COLUMNS + ")";
    private static final String UPDATE = "UPDATE smart_service_vehicle SET "
            + Arrays.stream(COLUMNS.split(",")).map(String::trim).filter(n -> !n.equals("vin"))
                    .map(n -> n + " = ?").collect(Collectors.joining(", "))
            + " WHERE vin = ? AND vehicle_time = ? AND boot_id = ? AND sequence = ?";
    private static final String SERIALIZATION_FAILURE = "40001";

    /** A vehicle's newest state in a batch, and the needs it gives. */
    record Candidate(Vin vin, Instant vehicleTime, long bootId, long sequence, @Nullable String modelCode,
                     @Nullable Integer modelYear, @Nullable String powertrain, ReportedState state,
                     List<MaintenanceNeed> needs) {
        Candidate {
            needs = List.copyOf(needs);
        }

        boolean newerThan(Instant time, long boot, long seq) {
            int byTime = vehicleTime.compareTo(time);
            if (byTime != 0) {
                return byTime > 0;
            }
            return bootId != boot ? bootId > boot : sequence > seq;
        }
    }

    private NewestStates() {
    }

    /**
     * Claims each candidate (at most one per VIN, in VIN order) that is newer than its vehicle's stored state.
     *
     * @return the candidates that became their vehicle's newest state
     */
    static List<Candidate> claim(Connection c, List<Candidate> candidates) throws SQLException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return Dialect.of(c) == Dialect.POSTGRESQL ? claimAtOnce(c, candidates) : claimRead(c, candidates);
    }

    private static void bind(Params p, Candidate d) throws SQLException {
        p.string(d.vin().value()).instant(d.vehicleTime()).bigint(d.bootId()).bigint(d.sequence())
                .nullableString(d.modelCode()).nullableInteger(d.modelYear()).nullableString(d.powertrain());
        StateColumns.bind(p, d.state());
    }

    private static List<Candidate> claimAtOnce(Connection c, List<Candidate> candidates) throws SQLException {
        Map<String, Candidate> byVin = new HashMap<>();
        for (Candidate d : candidates) {
            byVin.put(d.vin().value(), d);
        }
        List<Candidate> claimed = new ArrayList<>();
        ColumnArrays arrays = ColumnArrays.of(COUNT, candidates, NewestStates::bind);
        try (PreparedStatement ps = c.prepareStatement(UPSERT_HEAD + " SELECT * FROM " + arrays.unnest() + " "
                + UPSERT_TAIL)) {
            arrays.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(byVin.get(rs.getString(1)));
                }
            }
        }
        return claimed;
    }

    /** What H2 holds for a vehicle. */
    private record Stored(OffsetDateTime vehicleTime, long bootId, long sequence) {
    }

    private static List<Candidate> claimRead(Connection c, List<Candidate> candidates) throws SQLException {
        Map<String, Stored> stored = read(c, candidates);
        List<Candidate> inserts = new ArrayList<>();
        List<Map.Entry<Candidate, Stored>> updates = new ArrayList<>();
        List<Candidate> claimed = new ArrayList<>();
        for (Candidate d : candidates) {
            Stored s = stored.get(d.vin().value());
            if (s == null) {
                inserts.add(d);
                claimed.add(d);
            } else if (d.newerThan(s.vehicleTime().toInstant(), s.bootId(), s.sequence())) {
                updates.add(Map.entry(d, s));
                claimed.add(d);
            }
        }
        insert(c, inserts);
        update(c, updates);
        return claimed;
    }

    private static Map<String, Stored> read(Connection c, List<Candidate> candidates) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (ResultSet rs = MultiRow.selectByKeys(c, "SELECT t.vin, t.vehicle_time, t.boot_id,"
                + " t.sequence FROM smart_service_vehicle AS t", "vin", candidates.stream().map(d -> d.vin().value()).toList())) {
            while (rs.next()) {
                stored.put(rs.getString(1), new Stored(rs.getObject(2, OffsetDateTime.class), rs.getLong(3),
                        rs.getLong(4)));
            }
        }
        return stored;
    }

    private static void insert(Connection c, List<Candidate> inserts) throws SQLException {
        int chunk = MultiRow.rowsPerStatement(COUNT);
        for (int from = 0; from < inserts.size(); from += chunk) {
            List<Candidate> part = inserts.subList(from, Math.min(inserts.size(), from + chunk));
            try (PreparedStatement ps = c.prepareStatement(INSERT + " VALUES " + MultiRow.values(part.size(), COUNT)
                    + " ON CONFLICT DO NOTHING")) {
                MultiRow.bind(ps, COUNT, part, NewestStates::bind);
                if (ps.executeUpdate() != part.size()) {
                    throw new SQLException("smart_service_vehicle rows inserted meanwhile by another writer; retry",
                            SERIALIZATION_FAILURE);
                }
            }
        }
    }

    private static void update(Connection c, List<Map.Entry<Candidate, Stored>> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (Map.Entry<Candidate, Stored> u : updates) {
                Params p = new Params(ps);
                Candidate d = u.getKey();
                p.instant(d.vehicleTime()).bigint(d.bootId()).bigint(d.sequence())
                        .nullableString(d.modelCode()).nullableInteger(d.modelYear()).nullableString(d.powertrain());
                StateColumns.bind(p, d.state());
                p.string(d.vin().value()).instant(u.getValue().vehicleTime().toInstant())
                        .bigint(u.getValue().bootId()).bigint(u.getValue().sequence());
                ps.addBatch();
            }
            for (int count : ps.executeBatch()) {
                if (count != 1) {
                    throw new SQLException("a smart_service_vehicle row changed meanwhile by another writer; retry",
                            SERIALIZATION_FAILURE);
                }
            }
        }
    }
}
