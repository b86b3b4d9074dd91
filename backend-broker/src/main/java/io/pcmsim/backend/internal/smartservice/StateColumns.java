package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.storage.Jdbc;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.UplinkCodec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;

/** Maps a reported state to the columns of {@code vehicle_state}; a reading the car did not report is NULL. */
final class StateColumns {

    static final String INSERT = "INSERT INTO vehicle_state (vin, boot_id, sequence, vehicle_time, source,"
            + " odometer_km, operating_hours, engine_oil_life_percent, pad_wear_fl_percent, pad_wear_fr_percent,"
            + " pad_wear_rl_percent, pad_wear_rr_percent, battery_volts, tire_fl_kpa, tire_fr_kpa, tire_rl_kpa,"
            + " tire_rr_kpa, tire_nominal_kpa, distance_to_service_km, time_to_service_s, dtcs)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private StateColumns() {
    }

    /** The state a Smart Service report carries, if any. */
    static Optional<ReportedState> stateOf(UplinkEnvelope envelope) {
        return envelope.getSmartService().hasState()
                ? Optional.of(UplinkCodec.reportedState(envelope.getSmartService().getState())) : Optional.empty();
    }

    /** Binds parameters 6.. of {@link #INSERT}. */
    static void bind(PreparedStatement ps, ReportedState s) throws SQLException {
        int i = 6;
        Jdbc.setDouble(ps, i++, s.odometerKm());
        Jdbc.setDouble(ps, i++, s.operatingHours());
        Jdbc.setDouble(ps, i++, s.engineOilLifePercent());
        for (int w = 0; w < 4; w++) {
            Jdbc.setDouble(ps, i++, s.brakePadWearPercent().get(w));
        }
        Jdbc.setDouble(ps, i++, s.lowVoltageBatteryVolts());
        for (int w = 0; w < 4; w++) {
            Jdbc.setDouble(ps, i++, s.tirePressureKpa().get(w));
        }
        Jdbc.setDouble(ps, i++, s.tirePressureNominalKpa());
        Jdbc.setDouble(ps, i++, s.distanceToServiceKm());
        Optional<Duration> time = s.timeToService();
        if (time.isPresent()) {
            ps.setLong(i++, time.get().toSeconds());
        } else {
            ps.setNull(i++, Types.BIGINT);
        }
        ps.setString(i, String.join(",", s.dtcs()));
    }
}
