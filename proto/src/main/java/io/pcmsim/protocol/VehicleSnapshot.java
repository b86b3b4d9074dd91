package io.pcmsim.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The physical state a car reports, in domain units. A reading of a component the car does not have (an
 * oil reading of a battery-electric car, a high-voltage battery reading of a combustion car) is empty: it is
 * left unset on the wire, never sent as 0.
 *
 * @param odometerKm total distance driven, km
 * @param operatingHours operating hours (driving time)
 * @param engineOilLifePercent remaining oil life, 100 fresh, 0 change now; empty without an engine
 * @param brakePadWearPercent pad wear per wheel, 0 new, 100 worn out
 * @param lowVoltageBatteryVolts 12 V battery resting voltage, V
 * @param tirePressureKpa tyre pressure per wheel, kPa
 * @param tirePressureNominalKpa placard pressure the tyres should have, kPa
 * @param distanceToServiceKm km until the next scheduled service; negative when overdue
 * @param timeToService time until the next scheduled service; negative when overdue
 * @param dtcs stored diagnostic trouble codes in SAE J2012 form
 * @param more the readings added with the vehicle profiles (oil level, brake fluid, batteries, washer fluid,
 *     warnings)
 */
public record VehicleSnapshot(
        double odometerKm,
        double operatingHours,
        OptionalDouble engineOilLifePercent,
        Wheels brakePadWearPercent,
        double lowVoltageBatteryVolts,
        Wheels tirePressureKpa,
        double tirePressureNominalKpa,
        double distanceToServiceKm,
        Duration timeToService,
        List<String> dtcs,
        MoreReadings more) {

    public VehicleSnapshot {
        Objects.requireNonNull(engineOilLifePercent, "engineOilLifePercent");
        Objects.requireNonNull(brakePadWearPercent, "brakePadWearPercent");
        Objects.requireNonNull(tirePressureKpa, "tirePressureKpa");
        Objects.requireNonNull(timeToService, "timeToService");
        dtcs = List.copyOf(dtcs);
        Objects.requireNonNull(more, "more");
    }

    /** A combustion car's state of the first schema: oil life read, none of the later readings. */
    public VehicleSnapshot(double odometerKm, double operatingHours, double engineOilLifePercent,
            Wheels brakePadWearPercent, double lowVoltageBatteryVolts, Wheels tirePressureKpa,
            double tirePressureNominalKpa, double distanceToServiceKm, Duration timeToService, List<String> dtcs) {
        this(odometerKm, operatingHours, OptionalDouble.of(engineOilLifePercent), brakePadWearPercent,
                lowVoltageBatteryVolts, tirePressureKpa, tirePressureNominalKpa, distanceToServiceKm, timeToService,
                dtcs, MoreReadings.NONE);
    }

    /** This state with {@code more} as its later readings. */
    public VehicleSnapshot withMore(MoreReadings more) {
        return new VehicleSnapshot(odometerKm, operatingHours, engineOilLifePercent, brakePadWearPercent,
                lowVoltageBatteryVolts, tirePressureKpa, tirePressureNominalKpa, distanceToServiceKm, timeToService,
                dtcs, more);
    }

    /** This state with {@code dtcs} as its stored trouble codes. */
    public VehicleSnapshot withDtcs(List<String> codes) {
        return new VehicleSnapshot(odometerKm, operatingHours, engineOilLifePercent, brakePadWearPercent,
                lowVoltageBatteryVolts, tirePressureKpa, tirePressureNominalKpa, distanceToServiceKm, timeToService,
                codes, more);
    }
}
