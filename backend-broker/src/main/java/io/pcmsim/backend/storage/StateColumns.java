package io.pcmsim.backend.storage;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.proto.v1.VehicleState;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.VehicleSnapshot;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/** Maps a vehicle state to the columns of {@code vehicle_state}. */
final class StateColumns {

    static final String INSERT = "INSERT INTO vehicle_state (vin, boot_id, sequence, vehicle_time, source,"
            + " odometer_km, operating_hours, engine_oil_life_percent, pad_wear_fl_percent, pad_wear_fr_percent,"
            + " pad_wear_rl_percent, pad_wear_rr_percent, battery_volts, tire_fl_kpa, tire_fr_kpa, tire_rl_kpa,"
            + " tire_rr_kpa, tire_nominal_kpa, distance_to_service_km, time_to_service_s, dtcs)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";


    private StateColumns() {
    }

    /** The physical state an envelope carries, if its body has one. */
    static Optional<VehicleSnapshot> stateOf(UplinkEnvelope envelope) {
        VehicleState state = switch (envelope.getBodyCase()) {
            case SMART_SERVICE -> envelope.getSmartService().hasState() ? envelope.getSmartService().getState() : null;
            case BREAKDOWN -> envelope.getBreakdown().hasState() ? envelope.getBreakdown().getState() : null;
            default -> null;
        };
        return Optional.ofNullable(state).map(UplinkCodec::snapshot);
    }

    /** Binds parameters 6.. of {@link #INSERT}. */
    static void bind(PreparedStatement ps, VehicleSnapshot s) throws SQLException {
        int i = 6;
        ps.setDouble(i++, s.odometerKm());
        ps.setDouble(i++, s.operatingHours());
        ps.setDouble(i++, s.engineOilLifePercent());
        for (int w = 0; w < 4; w++) {
            ps.setDouble(i++, s.brakePadWearPercent().get(w));
        }
        ps.setDouble(i++, s.lowVoltageBatteryVolts());
        for (int w = 0; w < 4; w++) {
            ps.setDouble(i++, s.tirePressureKpa().get(w));
        }
        ps.setDouble(i++, s.tirePressureNominalKpa());
        ps.setDouble(i++, s.distanceToServiceKm());
        ps.setLong(i++, s.timeToService().toSeconds());
        ps.setString(i, String.join(",", s.dtcs()));
    }
}
