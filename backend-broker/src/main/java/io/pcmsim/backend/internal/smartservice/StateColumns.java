package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.protocol.ReportedState;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps a reported state to the state columns of {@code smart_service_vehicle}; a reading the car did not
 * report is NULL.
 */
final class StateColumns {

    static final String NAMES = "odometer_km, operating_hours, engine_oil_life_percent,"
            + " pad_wear_fl_percent, pad_wear_fr_percent, pad_wear_rl_percent, pad_wear_rr_percent, battery_volts,"
            + " tire_fl_kpa, tire_fr_kpa, tire_rl_kpa, tire_rr_kpa, tire_nominal_kpa, distance_to_service_km,"
            + " time_to_service_s, dtcs";
    static final int COUNT = 16;

    private StateColumns() {
    }

    /** Binds the {@link #COUNT} columns of {@link #NAMES}. */
    static void bind(Params p, ReportedState s) throws SQLException {
        p.dbl(s.odometerKm()).dbl(s.operatingHours()).dbl(s.engineOilLifePercent());
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
