package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.UplinkCodec;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Maps a reported state to the state columns of {@code smart_service_report}; a reading the car did not
 * report is NULL, and a report without state has {@code has_state = FALSE} and every reading NULL.
 */
final class StateColumns {

    static final String NAMES = "has_state, odometer_km, operating_hours, engine_oil_life_percent,"
            + " pad_wear_fl_percent, pad_wear_fr_percent, pad_wear_rl_percent, pad_wear_rr_percent, battery_volts,"
            + " tire_fl_kpa, tire_fr_kpa, tire_rl_kpa, tire_rr_kpa, tire_nominal_kpa, distance_to_service_km,"
            + " time_to_service_s, dtcs";
    static final int COUNT = 17;
    private static final int READINGS = 14;

    private StateColumns() {
    }

    /** The state a Smart Service report carries, if any. */
    static Optional<ReportedState> stateOf(UplinkEnvelope envelope) {
        return envelope.getSmartService().hasState()
                ? Optional.of(UplinkCodec.reportedState(envelope.getSmartService().getState())) : Optional.empty();
    }

    /** Binds the {@link #COUNT} columns of {@link #NAMES}. */
    static void bind(Params p, Optional<ReportedState> state) throws SQLException {
        if (state.isEmpty()) {
            p.bool(false);
            for (int i = 0; i < READINGS; i++) {
                p.dbl(OptionalDouble.empty());
            }
            p.nullableBigint(null).nullableString(null);
            return;
        }
        ReportedState s = state.get();
        p.bool(true).dbl(s.odometerKm()).dbl(s.operatingHours()).dbl(s.engineOilLifePercent());
        for (int w = 0; w < 4; w++) {
            p.dbl(s.brakePadWearPercent().get(w));
        }
        p.dbl(s.lowVoltageBatteryVolts());
        for (int w = 0; w < 4; w++) {
            p.dbl(s.tirePressureKpa().get(w));
        }
        p.dbl(s.tirePressureNominalKpa()).dbl(s.distanceToServiceKm());
        Optional<Duration> time = s.timeToService();
        p.nullableBigint(time.isPresent() ? time.get().toSeconds() : null);
        p.string(String.join(",", s.dtcs()));
    }
}
