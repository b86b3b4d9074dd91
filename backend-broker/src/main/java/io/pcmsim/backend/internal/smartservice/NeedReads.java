package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.smartservice.NeedEvent;
import io.pcmsim.backend.smartservice.NeedState;
import io.pcmsim.backend.smartservice.TrackedNeed;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a vehicle's needs with their history: two statements, whatever their number. A need's row holds the
 * values of its last step ({@link NeedCases}); an unresolved need the vehicle's newest state still shows is
 * read with what that state shows now (severity, due and reason: {@link MaintenanceQueries}), since its due
 * and reason move with the readings without a step.
 */
final class NeedReads {

    private static final String NEEDS = "SELECT need_id, component, state, severity, due_km, due_date, reason,"
            + " opened_at, updated_at, resolved_at, appointment_id FROM smart_service_need WHERE vin = ?"
            + " ORDER BY opened_at DESC, need_id";
    private static final String EVENTS = "SELECT e.need_id, e.state, e.at, e.vehicle_time, e.note"
            + " FROM smart_service_need_event e JOIN smart_service_need n ON n.need_id = e.need_id"
            + " WHERE n.vin = ? ORDER BY e.event_id";

    private NeedReads() {
    }

    /**
     * The needs of {@code vin}, newest first (by the car's clock of their opening).
     *
     * @param shown the needs the vehicle's newest state shows ({@link MaintenanceQueries#needs(Connection, Vin)})
     */
    static List<TrackedNeed> of(Connection c, Vin vin, List<MaintenanceNeed> shown) throws SQLException {
        Map<Component, MaintenanceNeed> now = new EnumMap<>(Component.class);
        shown.forEach(n -> now.put(n.component(), n));
        Map<String, List<NeedEvent>> history = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(EVENTS)) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new NeedEvent(
                            NeedState.valueOf(rs.getString(2)), Jdbc.instant(rs.getObject(3, OffsetDateTime.class)),
                            Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(Jdbc::instant),
                            rs.getString(5)));
                }
            }
        }
        List<TrackedNeed> needs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(NEEDS)) {
            ps.setString(1, vin.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    Component component = Component.valueOf(rs.getString(2));
                    NeedState state = NeedState.valueOf(rs.getString(3));
                    double km = rs.getDouble(5);
                    OptionalDouble dueKm = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(km);
                    MaintenanceNeed last = new MaintenanceNeed(vin, component, Severity.valueOf(rs.getString(4)),
                            dueKm, Optional.ofNullable(rs.getObject(6, LocalDate.class)), rs.getString(7));
                    MaintenanceNeed n = state == NeedState.RESOLVED ? last : now.getOrDefault(component, last);
                    needs.add(new TrackedNeed(id, vin, component, state, n.severity(), n.dueKm(), n.dueDate(),
                            n.reason(), Jdbc.instant(rs.getObject(8, OffsetDateTime.class)),
                            Jdbc.instant(rs.getObject(9, OffsetDateTime.class)),
                            Optional.ofNullable(rs.getObject(10, OffsetDateTime.class)).map(Jdbc::instant),
                            Optional.ofNullable(rs.getString(11)), history.getOrDefault(id, List.of())));
                }
            }
        }
        return needs;
    }
}
