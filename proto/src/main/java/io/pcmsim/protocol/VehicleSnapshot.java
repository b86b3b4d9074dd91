package io.pcmsim.protocol;

import java.time.Duration;
import java.util.List;

/**
 * The physical state a car reports, in domain units.
 *
 * @param odometerKm total distance driven, km
 * @param operatingHours engine operating hours
 * @param engineOilLifePercent remaining oil life, 100 fresh, 0 change now
 * @param brakePadWearPercent pad wear per wheel, 0 new, 100 worn out
 * @param lowVoltageBatteryVolts 12 V battery resting voltage, V
 * @param tirePressureKpa tyre pressure per wheel, kPa
 * @param tirePressureNominalKpa placard pressure the tyres should have, kPa
 * @param distanceToServiceKm km until the next scheduled service; negative when overdue
 * @param timeToService time until the next scheduled service; negative when overdue
 * @param dtcs stored diagnostic trouble codes in SAE J2012 form
 */
public record VehicleSnapshot(
        double odometerKm,
        double operatingHours,
        double engineOilLifePercent,
        Wheels brakePadWearPercent,
        double lowVoltageBatteryVolts,
        Wheels tirePressureKpa,
        double tirePressureNominalKpa,
        double distanceToServiceKm,
        Duration timeToService,
        List<String> dtcs) {

    public VehicleSnapshot {
        dtcs = List.copyOf(dtcs);
    }
}
