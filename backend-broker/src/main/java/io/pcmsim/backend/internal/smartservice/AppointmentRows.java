package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.backend.internal.storage.MultiRow;
import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.backend.smartservice.Appointment;
import io.pcmsim.backend.smartservice.NeedState;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rows of {@code smart_service_appointment}, the needs an appointment is for ({@code appointment_id} of
 * {@code smart_service_need}) and the preferred dealers. Statements on the caller's connection and transaction.
 */
final class AppointmentRows {

    private static final String INSERT = "INSERT INTO smart_service_appointment (appointment_id, vin, dealer_id,"
            + " origin, request_id, state, preferred_date, navigate, navigation, requested_at, note)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT a.appointment_id, a.vin, a.dealer_id, a.origin, a.request_id,"
            + " a.state, a.preferred_date, a.navigate, a.navigation, a.requested_at, a.booked_at, a.booked_for,"
            + " a.note, n.need_id FROM smart_service_appointment a"
            + " LEFT JOIN smart_service_need n ON n.appointment_id = a.appointment_id";
    private static final String ORDER = " ORDER BY a.position DESC, n.need_id";
    private static final String MOVE_NEEDS = "UPDATE smart_service_need SET state = ?, appointment_id = ?,"
            + " updated_at = ? WHERE need_id = ? AND state = ?";

    private AppointmentRows() {
    }

    static void insert(Connection c, Appointment a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            new Params(ps).string(a.appointmentId()).string(a.vin().value())
                    .nullableString(a.dealerId().orElse(null)).string(a.origin().name())
                    .nullableString(a.requestId().orElse(null)).string(a.state().name()).date(a.preferredDate())
                    .bool(a.navigate()).string(a.navigation().name()).instant(a.requestedAt()).string(a.note());
            ps.executeUpdate();
        }
    }

    /**
     * Moves each of {@code needIds} that is in state {@code from} to {@code to} under {@code appointmentId}, with
     * a history event; one JDBC batch and one multi-row INSERT.
     *
     * @return the needs moved
     */
    static List<String> moveNeeds(Connection c, List<String> needIds, NeedState from, NeedState to,
            String appointmentId, Instant now) throws SQLException {
        List<String> moved = new ArrayList<>();
        if (needIds.isEmpty()) {
            return moved;
        }
        int[] counts = MultiRow.batch(c, MOVE_NEEDS, needIds, (p, id) -> p.string(to.name()).string(appointmentId)
                .instant(now).string(id).string(from.name()));
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                moved.add(needIds.get(i));
            }
        }
        String note = (to == NeedState.BOOKED ? "booked, appointment " : "appointment requested, ") + appointmentId;
        MultiRow.batch(c, NeedCases.INSERT_EVENT + " VALUES (?, ?, ?, ?, ?)", moved,
                (p, id) -> p.string(id).string(to.name()).instant(now).nullableInstant(null).string(note));
        return moved;
    }

    /** The needs of {@code vin} in {@code state}, oldest first. */
    static List<String> needsIn(Connection c, Vin vin, NeedState state) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT need_id FROM smart_service_need WHERE vin = ?"
                + " AND state = ? ORDER BY opened_at, need_id")) {
            ps.setString(1, vin.value());
            ps.setString(2, state.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The need's vehicle and state, if it exists. */
    static Optional<Map.Entry<Vin, NeedState>> need(Connection c, String needId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT vin, state FROM smart_service_need WHERE need_id = ?")) {
            ps.setString(1, needId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Map.entry(Vin.of(rs.getString(1)), NeedState.valueOf(rs.getString(2))))
                        : Optional.empty();
            }
        }
    }

    static List<Appointment> byVin(Connection c, Vin vin) throws SQLException {
        return select(c, " WHERE a.vin = ?", vin.value());
    }

    static List<Appointment> byDealer(Connection c, String dealerId) throws SQLException {
        return select(c, " WHERE a.dealer_id = ?", dealerId);
    }

    static Optional<Appointment> byId(Connection c, String appointmentId) throws SQLException {
        return select(c, " WHERE a.appointment_id = ?", appointmentId).stream().findFirst();
    }

    /** @return whether it was booked: false when it is no longer {@code REQUESTED} */
    static boolean book(Connection c, String appointmentId, Instant bookedFor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE smart_service_appointment SET state = 'BOOKED',"
                + " booked_at = ?, booked_for = ? WHERE appointment_id = ? AND state = 'REQUESTED'")) {
            new Params(ps).instant(now).instant(bookedFor).string(appointmentId);
            return ps.executeUpdate() == 1;
        }
    }

    static void navigation(Connection c, String appointmentId, Appointment.Navigation navigation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE smart_service_appointment SET navigation = ?"
                + " WHERE appointment_id = ?")) {
            new Params(ps).string(navigation.name()).string(appointmentId);
            ps.executeUpdate();
        }
    }

    /** The preferred dealers of {@code vins} that have one. */
    static Map<String, String> preferredDealers(Connection c, List<String> vins) throws SQLException {
        Map<String, String> dealers = new LinkedHashMap<>();
        try (ResultSet rs = MultiRow.selectByKeys(c, "SELECT t.vin, t.dealer_id FROM smart_service_preferred_dealer"
                + " AS t", "vin", vins)) {
            while (rs.next()) {
                dealers.put(rs.getString(1), rs.getString(2));
            }
        }
        return dealers;
    }

    static void setPreferredDealer(Connection c, Vin vin, String dealerId, Instant now) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM smart_service_preferred_dealer WHERE vin = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO smart_service_preferred_dealer (vin,"
                     + " dealer_id, set_at) VALUES (?, ?, ?)")) {
            delete.setString(1, vin.value());
            delete.executeUpdate();
            new Params(insert).string(vin.value()).string(dealerId).instant(now);
            insert.executeUpdate();
        }
    }

    private static List<Appointment> select(Connection c, String where, String key) throws SQLException {
        Map<String, Appointment> byId = new LinkedHashMap<>();
        Map<String, List<String>> needs = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + where + ORDER)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (!byId.containsKey(id)) {
                        byId.put(id, read(rs));
                        needs.put(id, new ArrayList<>());
                    }
                    String need = rs.getString(14);
                    if (need != null) {
                        needs.get(id).add(need);
                    }
                }
            }
        }
        List<Appointment> result = new ArrayList<>(byId.size());
        byId.forEach((id, a) -> result.add(new Appointment(id, a.vin(), a.dealerId(), a.origin(), a.requestId(),
                a.state(), needs.get(id), a.preferredDate(), a.navigate(), a.navigation(), a.requestedAt(),
                a.bookedAt(), a.bookedFor(), a.note())));
        return result;
    }

    private static Appointment read(ResultSet rs) throws SQLException {
        return new Appointment(rs.getString(1), Vin.of(rs.getString(2)), Optional.ofNullable(rs.getString(3)),
                Appointment.Origin.valueOf(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                Appointment.State.valueOf(rs.getString(6)), List.of(),
                Optional.ofNullable(rs.getObject(7, LocalDate.class)), rs.getBoolean(8),
                Appointment.Navigation.valueOf(rs.getString(9)), Jdbc.instant(rs.getObject(10, OffsetDateTime.class)),
                instant(rs.getObject(11, OffsetDateTime.class)), instant(rs.getObject(12, OffsetDateTime.class)),
                rs.getString(13));
    }

    private static Optional<Instant> instant(@Nullable OffsetDateTime value) {
        return Optional.ofNullable(value).map(Jdbc::instant);
    }
}
