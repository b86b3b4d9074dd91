package io.pcmsim.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The physical state as a car reported it: every reading may be absent, and an absent reading means
 * "unknown", never 0. Units as in {@link VehicleSnapshot}; {@code more} holds the readings of components a
 * car may not have, and the warnings its driver sees.
 */
public record ReportedState(
        OptionalDouble odometerKm,
        OptionalDouble operatingHours,
        OptionalDouble engineOilLifePercent,
        WheelReadings brakePadWearPercent,
        OptionalDouble lowVoltageBatteryVolts,
        WheelReadings tirePressureKpa,
        OptionalDouble tirePressureNominalKpa,
        OptionalDouble distanceToServiceKm,
        Optional<Duration> timeToService,
        List<String> dtcs,
        MoreReadings more) {

    public ReportedState {
        Objects.requireNonNull(odometerKm, "odometerKm");
        Objects.requireNonNull(operatingHours, "operatingHours");
        Objects.requireNonNull(engineOilLifePercent, "engineOilLifePercent");
        Objects.requireNonNull(brakePadWearPercent, "brakePadWearPercent");
        Objects.requireNonNull(lowVoltageBatteryVolts, "lowVoltageBatteryVolts");
        Objects.requireNonNull(tirePressureKpa, "tirePressureKpa");
        Objects.requireNonNull(tirePressureNominalKpa, "tirePressureNominalKpa");
        Objects.requireNonNull(distanceToServiceKm, "distanceToServiceKm");
        Objects.requireNonNull(timeToService, "timeToService");
        dtcs = List.copyOf(dtcs);
        Objects.requireNonNull(more, "more");
    }

    /** A state of the first schema: none of the readings of {@link MoreReadings}. */
    public ReportedState(OptionalDouble odometerKm, OptionalDouble operatingHours, OptionalDouble engineOilLifePercent,
            WheelReadings brakePadWearPercent, OptionalDouble lowVoltageBatteryVolts, WheelReadings tirePressureKpa,
            OptionalDouble tirePressureNominalKpa, OptionalDouble distanceToServiceKm, Optional<Duration> timeToService,
            List<String> dtcs) {
        this(odometerKm, operatingHours, engineOilLifePercent, brakePadWearPercent, lowVoltageBatteryVolts,
                tirePressureKpa, tirePressureNominalKpa, distanceToServiceKm, timeToService, dtcs, MoreReadings.NONE);
    }

    /** Every reading of the snapshot present that the snapshot has. */
    public static ReportedState of(VehicleSnapshot s) {
        return new ReportedState(OptionalDouble.of(s.odometerKm()), OptionalDouble.of(s.operatingHours()),
                s.engineOilLifePercent(), WheelReadings.of(s.brakePadWearPercent()),
                OptionalDouble.of(s.lowVoltageBatteryVolts()), WheelReadings.of(s.tirePressureKpa()),
                OptionalDouble.of(s.tirePressureNominalKpa()), OptionalDouble.of(s.distanceToServiceKm()),
                Optional.of(s.timeToService()), s.dtcs(), s.more());
    }
}
