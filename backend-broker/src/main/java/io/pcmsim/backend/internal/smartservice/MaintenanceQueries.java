package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.MaintenanceSummary;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.SmartServiceState;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Smart Service's read-only queries: the open maintenance needs and each vehicle's newest state. Thread-safe: each call opens and closes
 * its own connection, and sees committed data only.
 */
public final class MaintenanceQueries {

    private final Database database;

    public MaintenanceQueries(Database database) {
        this.database = database;
    }

    /** The open needs of {@code vin}, in {@link Component} order. */
    public List<MaintenanceNeed> needs(Vin vin) {
        String sql = "SELECT component, severity, due_km, due_date, reason FROM maintenance_need WHERE vin = ?";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, vin.value());
            List<MaintenanceNeed> needs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double dueKm = rs.getDouble(3);
                    OptionalDouble km = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(dueKm);
                    Optional<LocalDate> date = Optional.ofNullable(rs.getObject(4, LocalDate.class));
                    needs.add(new MaintenanceNeed(vin, Component.valueOf(rs.getString(1)),
                            Severity.valueOf(rs.getString(2)), km, date, rs.getString(5)));
                }
            }
            needs.sort(Comparator.comparing(MaintenanceNeed::component));
            return List.copyOf(needs);
        } catch (SQLException e) {
            throw new StorageException("cannot read the maintenance needs of " + vin + ": " + e.getMessage(), e);
        }
    }

    /** Open needs counted by component and severity. */
    public Map<Component, Map<Severity, Long>> needCounts() {
        String sql = "SELECT component, severity, COUNT(*) FROM maintenance_need GROUP BY component, severity";
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            Map<Component, Map<Severity, Long>> counts = new EnumMap<>(Component.class);
            while (rs.next()) {
                counts.computeIfAbsent(Component.valueOf(rs.getString(1)), k -> new EnumMap<>(Severity.class))
                        .put(Severity.valueOf(rs.getString(2)), rs.getLong(3));
            }
            return counts;
        } catch (SQLException e) {
            throw new StorageException("cannot count the maintenance needs: " + e.getMessage(), e);
        }
    }

    /** Open needs of all vehicles, from the database. */
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
