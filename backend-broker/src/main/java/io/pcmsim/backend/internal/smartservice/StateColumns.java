package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.protocol.MoreReadings;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.WheelReadings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Maps a reported state to and from the state columns of {@code smart_service_vehicle}; a reading the car
 * did not report is NULL.
 */
final class StateColumns {

    static final String NAMES = "odometer_km, operating_hours, engine_oil_life_percent,"
            + " pad_wear_fl_percent, pad_wear_fr_percent, pad_wear_rl_percent, pad_wear_rr_percent, battery_volts,"
            + " tire_fl_kpa, tire_fr_kpa, tire_rl_kpa, tire_rr_kpa, tire_nominal_kpa, distance_to_service_km,"
            + " time_to_service_s, dtcs, engine_oil_level_percent, brake_fluid_age_days, battery_charge_percent,"
            + " battery_health_percent, hv_battery_charge_percent, hv_battery_health_percent, washer_fluid_percent,"
            + " warnings";
    static final int COUNT = 24;

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
        MoreReadings m = s.more();
        p.dbl(m.engineOilLevelPercent()).dbl(m.brakeFluidAgeDays()).dbl(m.lowVoltageBatteryChargePercent())
                .dbl(m.lowVoltageBatteryHealthPercent()).dbl(m.highVoltageBatteryChargePercent())
                .dbl(m.highVoltageBatteryHealthPercent()).dbl(m.washerFluidPercent());
        p.string(String.join(",", m.warnings()));
    }

    /** Reads the {@link #COUNT} columns of {@link #NAMES}, the first at {@code first}. */
    static ReportedState read(ResultSet rs, int first) throws SQLException {
        int i = first;
        OptionalDouble odometer = dbl(rs, i++);
        OptionalDouble hours = dbl(rs, i++);
        OptionalDouble oil = dbl(rs, i++);
        WheelReadings pads = new WheelReadings(dbl(rs, i++), dbl(rs, i++), dbl(rs, i++), dbl(rs, i++));
        OptionalDouble battery = dbl(rs, i++);
        WheelReadings tires = new WheelReadings(dbl(rs, i++), dbl(rs, i++), dbl(rs, i++), dbl(rs, i++));
        OptionalDouble nominal = dbl(rs, i++);
        OptionalDouble toService = dbl(rs, i++);
        long seconds = rs.getLong(i++);
        Optional<Duration> timeToService = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        List<String> codes = list(rs.getString(i++));
        MoreReadings more = new MoreReadings(dbl(rs, i++), dbl(rs, i++), dbl(rs, i++), dbl(rs, i++), dbl(rs, i++),
                dbl(rs, i++), dbl(rs, i++), list(rs.getString(i)));
        return new ReportedState(odometer, hours, oil, pads, battery, tires, nominal, toService, timeToService, codes,
                more);
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static OptionalDouble dbl(ResultSet rs, int index) throws SQLException {
        double value = rs.getDouble(index);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
