package io.pcmsim.protocol;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Readings of the components a car may or may not have, and the warnings its driver sees. Each reading is
 * empty when the car has no such component or no valid value (unset on the wire, "unknown" to the backend,
 * never 0).
 *
 * @param engineOilLevelPercent engine oil level between the dipstick's marks, 0 minimum, 100 maximum
 * @param brakeFluidAgeDays days since the brake fluid was changed
 * @param lowVoltageBatteryChargePercent 12 V battery state of charge, %
 * @param lowVoltageBatteryHealthPercent 12 V battery state of health, %
 * @param highVoltageBatteryChargePercent high-voltage (traction) battery state of charge, %
 * @param highVoltageBatteryHealthPercent high-voltage battery state of health, %
 * @param washerFluidPercent washer fluid level, % of the reservoir
 * @param warnings warning codes shown in the instrument cluster (e.g. {@code W-TYRE-PRESSURE})
 */
public record MoreReadings(
        OptionalDouble engineOilLevelPercent,
        OptionalDouble brakeFluidAgeDays,
        OptionalDouble lowVoltageBatteryChargePercent,
        OptionalDouble lowVoltageBatteryHealthPercent,
        OptionalDouble highVoltageBatteryChargePercent,
        OptionalDouble highVoltageBatteryHealthPercent,
        OptionalDouble washerFluidPercent,
        List<String> warnings) {

    /** No reading, no warning. */
    public static final MoreReadings NONE = new MoreReadings(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), List.of());

    public MoreReadings {
        Objects.requireNonNull(engineOilLevelPercent, "engineOilLevelPercent");
        Objects.requireNonNull(brakeFluidAgeDays, "brakeFluidAgeDays");
        Objects.requireNonNull(lowVoltageBatteryChargePercent, "lowVoltageBatteryChargePercent");
        Objects.requireNonNull(lowVoltageBatteryHealthPercent, "lowVoltageBatteryHealthPercent");
        Objects.requireNonNull(highVoltageBatteryChargePercent, "highVoltageBatteryChargePercent");
        Objects.requireNonNull(highVoltageBatteryHealthPercent, "highVoltageBatteryHealthPercent");
        Objects.requireNonNull(washerFluidPercent, "washerFluidPercent");
        warnings = List.copyOf(warnings);
    }

    /** These readings with {@code codes} as the warnings. */
    public MoreReadings withWarnings(List<String> codes) {
        return new MoreReadings(engineOilLevelPercent, brakeFluidAgeDays, lowVoltageBatteryChargePercent,
                lowVoltageBatteryHealthPercent, highVoltageBatteryChargePercent, highVoltageBatteryHealthPercent,
                washerFluidPercent, codes);
    }
}
