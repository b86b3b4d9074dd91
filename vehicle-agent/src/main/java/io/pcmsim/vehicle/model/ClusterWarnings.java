package io.pcmsim.vehicle.model;

import io.pcmsim.protocol.MoreReadings;
import io.pcmsim.protocol.VehicleSnapshot;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which {@link ClusterWarning}s a car shows for its readings and the faults whose codes it shows. Stateless. */
final class ClusterWarnings {

    private ClusterWarnings() {
    }

    /** The warning codes, in {@link ClusterWarning} order. */
    static List<String> of(VehicleSnapshot s, Powertrain powertrain, Collection<Fault> showing) {
        Set<ClusterWarning> on = EnumSet.noneOf(ClusterWarning.class);
        showing.forEach(f -> on.addAll(f.warnings()));
        MoreReadings m = s.more();
        if (s.tirePressureKpa().min() <= 0.8 * s.tirePressureNominalKpa()) {
            on.add(ClusterWarning.TYRE_PRESSURE);
        }
        if (s.lowVoltageBatteryVolts() < 11.9 || m.lowVoltageBatteryHealthPercent().orElse(100) < 50) {
            on.add(ClusterWarning.LOW_VOLTAGE_BATTERY);
        }
        if (m.engineOilLevelPercent().orElse(100) < 20) {
            on.add(ClusterWarning.OIL_LEVEL);
        }
        if (s.brakePadWearPercent().max() >= 90) {
            on.add(ClusterWarning.BRAKE_PADS);
        }
        if (m.washerFluidPercent().orElse(100) < 15) {
            on.add(ClusterWarning.WASHER_FLUID);
        }
        if (s.distanceToServiceKm() <= 0 || s.timeToService().isNegative() || s.timeToService().isZero()) {
            on.add(ClusterWarning.SERVICE_DUE);
        }
        if (m.highVoltageBatteryHealthPercent().orElse(100) < 70) {
            on.add(ClusterWarning.HIGH_VOLTAGE_BATTERY);
        }
        if (powertrain == Powertrain.BATTERY_ELECTRIC && m.highVoltageBatteryChargePercent().orElse(100) < 10) {
            on.add(ClusterWarning.LOW_CHARGE);
        }
        return on.stream().map(ClusterWarning::code).toList();
    }
}
