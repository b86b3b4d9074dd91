package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.Component;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.internal.storage.ColumnArrays;
import io.pcmsim.backend.internal.storage.Dialect;
import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.backend.smartservice.NeedState;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGStatement;

/**
 * Takes the lifecycle steps ({@link NeedLifecycle}) of the vehicles whose newest state a batch claimed, in the
 * batch's transaction: one SELECT of their unresolved needs (one array parameter), then one multi-row INSERT
 * of new needs, the UPDATEs of changed severities and of resolutions (PostgreSQL: one statement of arrays each;
 * H2: one JDBC batch each) and one multi-row INSERT of history events, each only when there is something to
 * write. No statement per message. A need's row is written only at its steps (opened, severity changed,
 * resolved; the appointment steps are the API's): the due and reason between steps are what the newest state
 * shows, read with the need ({@link NeedReads}).
 */
final class NeedCases {

    private static final String UNRESOLVED = "SELECT t.need_id, t.vin, t.component, t.state, t.severity,"
            + " t.evidence_at FROM smart_service_need AS t JOIN UNNEST(?) AS wanted (k)"
            + " ON t.vin = wanted.k AND t.state <> 'RESOLVED'";
    private static final String INSERT = "INSERT INTO smart_service_need (need_id, vin, component, state, severity,"
            + " due_km, due_date, reason, opened_at, evidence_at, updated_at)";
    private static final String UPDATE = "UPDATE smart_service_need SET severity = ?, due_km = ?, due_date = ?,"
            + " reason = ?, evidence_at = ?, updated_at = ? WHERE need_id = ?";
    private static final String RESOLVE = "UPDATE smart_service_need SET state = 'RESOLVED', resolved_at = ?,"
            + " updated_at = ? WHERE need_id = ?";
    /** PostgreSQL: {@link #UPDATE} for many needs, "UNNEST" standing for the arrays' UNNEST. */
    private static final String UPDATE_ALL = "UPDATE smart_service_need AS t SET severity = u.severity,"
            + " due_km = u.due_km, due_date = u.due_date, reason = u.reason, evidence_at = u.evidence_at,"
            + " updated_at = u.updated_at"
            + " FROM UNNEST AS u (severity, due_km, due_date, reason, evidence_at, updated_at, need_id)"
            + " WHERE t.need_id = u.need_id";
    /** PostgreSQL: {@link #RESOLVE} for many needs. */
    private static final String RESOLVE_ALL = "UPDATE smart_service_need AS t SET state = 'RESOLVED',"
            + " resolved_at = u.resolved_at, updated_at = u.updated_at"
            + " FROM UNNEST AS u (resolved_at, updated_at, need_id) WHERE t.need_id = u.need_id";
    static final String INSERT_EVENT = "INSERT INTO smart_service_need_event (need_id, state, at, vehicle_time, note)";

    private record Event(String needId, NeedState state, Instant vehicleTime, String note) {
    }

    private NeedCases() {
    }

    /** Steps the needs of each claimed vehicle by its new newest state. */
    static void advance(Connection c, List<NewestStates.Candidate> claimed, Instant backendTime) throws SQLException {
        if (claimed.isEmpty()) {
            return;
        }
        Map<Vin, List<NeedLifecycle.Unresolved>> unresolved = unresolved(c,
                claimed.stream().map(d -> d.vin().value()).toList());
        List<NeedLifecycle.Opened> opened = new ArrayList<>();
        List<NeedLifecycle.Updated> updated = new ArrayList<>();
        List<NeedLifecycle.Resolved> resolved = new ArrayList<>();
        for (NewestStates.Candidate d : claimed) {
            NeedLifecycle.Steps steps = NeedLifecycle.steps(unresolved.getOrDefault(d.vin(), List.of()), d.needs(),
                    d.state(), d.vehicleTime());
            opened.addAll(steps.opened());
            updated.addAll(steps.updated());
            resolved.addAll(steps.resolved());
        }
        MultiRow.insert(c, INSERT, 11, "", opened, (p, o) -> {
            MaintenanceNeed n = o.need();
            p.string(o.needId()).string(n.vin().value()).string(n.component().name()).string(NeedState.OPEN.name())
                    .string(n.severity().name()).dbl(n.dueKm()).date(n.dueDate()).string(n.reason())
                    .instant(o.vehicleTime()).instant(o.vehicleTime()).instant(backendTime);
        });
        update(c, updated, resolved, backendTime);
        List<Event> events = new ArrayList<>(opened.size() + resolved.size());
        opened.forEach(o -> events.add(new Event(o.needId(), NeedState.OPEN, o.vehicleTime(), o.need().reason())));
        resolved.forEach(r -> events.add(new Event(r.needId(), NeedState.RESOLVED, r.vehicleTime(), r.evidence())));
        MultiRow.insert(c, INSERT_EVENT, 5, "", events, (p, e) -> p.string(e.needId()).string(e.state().name())
                .instant(backendTime).instant(e.vehicleTime()).string(e.note()));
    }

    private static void update(Connection c, List<NeedLifecycle.Updated> updated, List<NeedLifecycle.Resolved> resolved,
            Instant backendTime) throws SQLException {
        MultiRow.Binder<NeedLifecycle.Updated> updates = (p, u) -> {
            MaintenanceNeed n = u.need();
            p.string(n.severity().name()).dbl(n.dueKm()).date(n.dueDate()).string(n.reason())
                    .instant(u.vehicleTime()).instant(backendTime).string(u.needId());
        };
        MultiRow.Binder<NeedLifecycle.Resolved> resolutions = (p, r) ->
                p.instant(r.vehicleTime()).instant(backendTime).string(r.needId());
        if (Dialect.of(c) == Dialect.POSTGRESQL) {
            // one statement each, not one per need. No lock order to keep here: the claim of the vehicle's row
            // (NewestStates) already serialises its needs.
            ColumnArrays.execute(c, UPDATE_ALL, 7, updated, updates);
            ColumnArrays.execute(c, RESOLVE_ALL, 3, resolved, resolutions);
            return;
        }
        MultiRow.batch(c, UPDATE, updated, updates);
        MultiRow.batch(c, RESOLVE, resolved, resolutions);
    }

    private static Map<Vin, List<NeedLifecycle.Unresolved>> unresolved(Connection c, List<String> vins)
            throws SQLException {
        Map<Vin, List<NeedLifecycle.Unresolved>> byVin = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(UNRESOLVED)) {
            if (Dialect.of(c) == Dialect.POSTGRESQL) {
                // planned with this batch's VINs every time: a plan kept from when the table
                // was small would scan it whole once it has grown
                ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            ps.setArray(1, c.createArrayOf("VARCHAR", vins.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Vin vin = Vin.of(rs.getString(2));
                    byVin.computeIfAbsent(vin, k -> new ArrayList<>()).add(new NeedLifecycle.Unresolved(
                            rs.getString(1), vin, Component.valueOf(rs.getString(3)), NeedState.valueOf(rs.getString(4)),
                            Severity.valueOf(rs.getString(5)), Jdbc.instant(rs.getObject(6, OffsetDateTime.class))));
                }
            }
        }
        return byVin;
    }
}
