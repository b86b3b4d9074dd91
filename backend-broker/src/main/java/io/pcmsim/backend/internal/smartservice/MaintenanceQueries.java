package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.MaintenanceSummary;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.SmartServiceState;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.Dialect;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.postgresql.PGStatement;

/**
 * Smart Service's read-only queries: the needs each vehicle's newest state shows and the newest state itself.
 * The needs are not stored: they are what {@link MaintenanceRules} find in the newest state
 * ({@code smart_service_vehicle}), derived when asked, so the ingest writes one row per vehicle and report
 * instead of rewriting the vehicle's need rows each time they move, and the findings always follow the
 * rules of the running backend. The fleet's counts read every newest state once. Thread-safe: each call
 * opens and closes its own connection, and sees committed data only.
 */
public final class MaintenanceQueries {

    private static final String STATE = "SELECT vin, vehicle_time, " + StateColumns.NAMES
            + " FROM smart_service_vehicle";
    private static final int FETCH = 1_000;

    private final Database database;
    private final MaintenanceRules rules;

    public MaintenanceQueries(Database database, MaintenanceRules rules) {
        this.database = database;
        this.rules = rules;
    }

    /** The needs the newest state of {@code vin} shows, in {@link Component} order. */
    public List<MaintenanceNeed> needs(Vin vin) {
        try (Connection c = database.connect()) {
            return needs(c, vin);
        } catch (SQLException e) {
            throw new StorageException("cannot read the maintenance needs of " + vin + ": " + e.getMessage(), e);
        }
    }

    /** {@link #needs(Vin)} on the caller's connection. */
    List<MaintenanceNeed> needs(Connection c, Vin vin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STATE + " WHERE vin = ?")) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? sorted(needs(rs)) : List.of();
            }
        }
    }

    /** The needs of all vehicles' newest states, counted by component and severity. */
    public Map<Component, Map<Severity, Long>> needCounts() {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false); // PostgreSQL fetches in pages only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(STATE)) {
                ps.setFetchSize(FETCH);
                if (Dialect.of(c) == Dialect.POSTGRESQL) {
                    // the readings in the driver's binary format from the first execution on: as text (the
                    // default of a statement run once) parsing the doubles took most of the pass
                    ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
                }
                Map<Component, Map<Severity, Long>> counts = new EnumMap<>(Component.class);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (MaintenanceNeed n : needs(rs)) {
                            counts.computeIfAbsent(n.component(), k -> new EnumMap<>(Severity.class))
                                    .merge(n.severity(), 1L, Long::sum);
                        }
                    }
                }
                return counts;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot count the maintenance needs: " + e.getMessage(), e);
        }
    }

    private List<MaintenanceNeed> needs(ResultSet rs) throws SQLException {
        return rules.evaluate(Vin.of(rs.getString(1)), StateColumns.read(rs, 3),
                rs.getObject(2, OffsetDateTime.class).toInstant());
    }

    private static List<MaintenanceNeed> sorted(List<MaintenanceNeed> needs) {
        List<MaintenanceNeed> copy = new ArrayList<>(needs);
        copy.sort(Comparator.comparing(MaintenanceNeed::component));
        return List.copyOf(copy);
    }

    /** {@link #needCounts()} summed by component and by severity. */
    public MaintenanceSummary summary() {
        Map<Component, Map<Severity, Long>> counts = needCounts();
        Map<String, Long> byComponent = new LinkedHashMap<>();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Component c : Component.values()) {
            byComponent.put(c.name(), 0L);
        }
        for (Severity s : Severity.values()) {
            bySeverity.put(s.name(), 0L);
        }
        long total = 0;
        for (var byComp : counts.entrySet()) {
            for (var bySev : byComp.getValue().entrySet()) {
                byComponent.merge(byComp.getKey().name(), bySev.getValue(), Long::sum);
                bySeverity.merge(bySev.getKey().name(), bySev.getValue(), Long::sum);
                total += bySev.getValue();
            }
        }
        return new MaintenanceSummary(total, byComponent, bySeverity);
    }

    /** The newest Smart Service state of {@code vin}, if one is stored. */
    public Optional<SmartServiceState> newestState(Vin vin) {
        String sql = "SELECT vehicle_time, boot_id, sequence, model_code, model_year, powertrain, " + StateColumns.NAMES
                + " FROM smart_service_vehicle WHERE vin = ?";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant time = rs.getObject(1, OffsetDateTime.class).toInstant();
                long boot = rs.getLong(2);
                long sequence = rs.getLong(3);
                Optional<String> model = Optional.ofNullable(rs.getString(4));
                int year = rs.getInt(5);
                OptionalInt modelYear = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(year);
                Optional<String> powertrain = Optional.ofNullable(rs.getString(6));
                return Optional.of(new SmartServiceState(time, boot, sequence, model, modelYear, powertrain,
                        StateColumns.read(rs, 7)));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the newest state of " + vin + ": " + e.getMessage(), e);
        }
    }
}
