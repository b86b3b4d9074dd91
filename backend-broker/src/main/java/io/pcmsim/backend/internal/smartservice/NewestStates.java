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
 * locks the rows it writes in that order). H2 (in-process, no round trips to save): one UPDATE conditional on
 * being newer per candidate and an INSERT for the vehicles new to the table, as two JDBC batches.
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
    /** H2: replaces a vehicle's state with a newer one (vin, then the candidate's time, time, boot, boot, sequence). */
    private static final String UPDATE_IF_NEWER = "UPDATE smart_service_vehicle SET "
            + Arrays.stream(COLUMNS.split(",")).map(String::trim).filter(n -> !n.equals("vin"))
                    .map(n -> n + " = ?").collect(Collectors.joining(", "))
            + " WHERE vin = ? AND (vehicle_time < ? OR (vehicle_time = ? AND (boot_id < ? OR (boot_id = ?"
            + " AND sequence < ?))))";

    /** A vehicle's newest state in a batch, and the needs it gives. */
    record Candidate(Vin vin, Instant vehicleTime, long bootId, long sequence, @Nullable String modelCode,
                     @Nullable Integer modelYear, @Nullable String powertrain, ReportedState state,
                     List<MaintenanceNeed> needs) {
        Candidate {
            needs = List.copyOf(needs);
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
        return Dialect.of(c) == Dialect.POSTGRESQL ? claimAtOnce(c, candidates) : claimEach(c, candidates);
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

    /**
     * H2: one UPDATE per candidate that changes the row only when the candidate is newer (one JDBC batch); for the
     * candidates it changed nothing for, an INSERT that skips an existing row (a vehicle new to the table). What
     * neither wrote is older than the stored state. No read before: each statement decides on the row itself.
     */
    private static List<Candidate> claimEach(Connection c, List<Candidate> candidates) throws SQLException {
        int[] updated = MultiRow.batch(c, UPDATE_IF_NEWER, candidates, (p, d) -> {
            p.instant(d.vehicleTime()).bigint(d.bootId()).bigint(d.sequence())
                    .nullableString(d.modelCode()).nullableInteger(d.modelYear()).nullableString(d.powertrain());
            StateColumns.bind(p, d.state());
            p.string(d.vin().value()).instant(d.vehicleTime()).instant(d.vehicleTime()).bigint(d.bootId())
                    .bigint(d.bootId()).bigint(d.sequence());
        });
        boolean[] won = new boolean[candidates.size()];
        List<Integer> notUpdated = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            won[i] = updated[i] > 0;
            if (!won[i]) {
                notUpdated.add(i);
            }
        }
        int[] inserted = MultiRow.batch(c, INSERT + " VALUES " + MultiRow.values(1, COUNT) + " ON CONFLICT DO NOTHING",
                notUpdated, (p, i) -> bind(p, candidates.get(i)));
        for (int i = 0; i < notUpdated.size(); i++) {
            won[notUpdated.get(i)] = inserted[i] > 0;
        }
        List<Candidate> claimed = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (won[i]) {
                claimed.add(candidates.get(i)); // in the candidates' (VIN) order
            }
        }
        return claimed;
    }
}
