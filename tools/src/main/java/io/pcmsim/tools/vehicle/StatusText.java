package io.pcmsim.tools.vehicle;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Wheels;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.FleetStats;
import io.pcmsim.vehicle.model.DrivingState;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The answer of {@code status}: one line of {@code key=value} pairs separated by spaces, values without
 * spaces, units attached ({@code odometer=12345.6km}), so a script can pick a value with one pattern.
 */
final class StatusText {

    private StatusText() {
    }

    static String of(ConsoleCar car) {
        EmulatedVehicle vehicle = car.vehicle();
        DriverSettings settings = vehicle.settings();
        VehicleSnapshot state = vehicle.snapshot();
        FleetStats stats = car.stats();
        DrivingState driving = vehicle.drivingState();
        StringBuilder line = new StringBuilder()
                .append("vin=").append(vehicle.vin().value())
                .append(" time=").append(Texts.instant(car.now()))
                .append(" online=").append(Texts.yesNo(vehicle.online()))
                .append(" boot=").append(vehicle.bootId())
                .append(" privacy=").append(Texts.onOff(settings.privacyMode()))
                .append(" with-location=").append(Texts.onOff(settings.groupEnabled(ServiceGroup.WITH_LOCATION)))
                .append(" without-location=").append(Texts.onOff(settings.groupEnabled(ServiceGroup.WITHOUT_LOCATION)))
                .append(" services-off=").append(servicesOff(settings))
                .append(" state=").append(drivingState(driving));
        Instant arrives = car.tripEnd();
        if (driving == DrivingState.DRIVING && arrives != null) {
            line.append(" arrives=").append(Texts.instant(arrives));
        }
        return line.append(" odometer=").append(Texts.oneDecimal(state.odometerKm())).append("km")
                .append(" oil=").append(percent(state.engineOilLifePercent()))
                .append(" pads=").append(wheels(state.brakePadWearPercent())).append('%')
                .append(" battery=").append(Texts.fixed(state.lowVoltageBatteryVolts(), 2)).append('V')
                .append(" tyres=").append(wheels(state.tirePressureKpa())).append("kPa")
                .append(" service=").append(Math.round(state.distanceToServiceKm())).append("km/")
                .append(state.timeToService().toDays()).append('d')
                .append(" hv-charge=").append(percent(state.more().highVoltageBatteryChargePercent()))
                .append(" dtcs=").append(list(state.dtcs()))
                .append(" warnings=").append(list(state.more().warnings()))
                .append(" buffered=").append(stats.buffered())
                .append(" sent=").append(stats.totalSent())
                .append(" acknowledged=").append(stats.totalPublished())
                .append(" held-back=").append(stats.totalSuppressed())
                .append(" profile=").append(car.profile())
                .toString();
    }

    /** A reading in per cent with one decimal place, or {@code none} for a component the car does not have. */
    private static String percent(OptionalDouble reading) {
        return reading.isPresent() ? Texts.oneDecimal(reading.getAsDouble()) + "%" : "none";
    }

    /** Comma-separated, or {@code none}. */
    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(",", values);
    }

    /** parked, ignition-on or driving. */
    static String drivingState(DrivingState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String servicesOff(DriverSettings settings) {
        if (settings.totalShutdown()) {
            return "all";
        }
        String off = Arrays.stream(Service.values()).filter(s -> !s.isSession() && !settings.serviceEnabled(s))
                .map(Service::topicName).collect(Collectors.joining(","));
        return off.isEmpty() ? "none" : off;
    }

    /** Front left, front right, rear left, rear right, e.g. 12/12/7/7. */
    private static String wheels(Wheels w) {
        return Texts.number(w.frontLeft(), 0) + "/" + Texts.number(w.frontRight(), 0) + "/"
                + Texts.number(w.rearLeft(), 0) + "/" + Texts.number(w.rearRight(), 0);
    }
}
