package io.pcmsim.tools.vehicle;

import io.pcmsim.protocol.Service;
import io.pcmsim.tools.cli.DurationConverter;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.FleetStats;
import io.pcmsim.vehicle.model.DrivingState;
import java.time.Duration;
import java.time.Instant;

/** The console's commands for the car itself and for time: start, stop, drive, wait, workshop. */
final class DrivingCommands {

    /** The longest {@code wait}: a year and a day of simulated time. */
    static final Duration MAX_WAIT = Duration.ofDays(366);

    private final ConsoleCar car;
    private final EmulatedVehicle vehicle;

    private DrivingCommands(ConsoleCar car) {
        this.car = car;
        this.vehicle = car.vehicle();
    }

    static void addTo(CommandTable table, ConsoleCar car) {
        DrivingCommands commands = new DrivingCommands(car);
        table.add(ConsoleCommand.of("start", "start", "a vehicle start (ignition on) while parked; the services react"
                + " (Smart Service sends a VEHICLE_START report) and it answers once that was acknowledged",
                commands::start));
        table.add(ConsoleCommand.of("stop", "stop", "parks now: a trip in progress ends where the car is, ignition"
                + " off", commands::stop));
        table.add(ConsoleCommand.of("drive", "drive KM [KMH]", "starts a trip of KM km at an average of KMH km/h"
                + " (default by distance: 25 up to 5 km, 40 up to 20 km, 70 up to 100 km, 100 beyond) and answers"
                + " when it has started; the car covers the distance as simulated time passes (wait, or real time"
                + " at --speed above 0) and parks at the end", commands::drive));
        table.add(ConsoleCommand.of("wait", "wait DURATION", "lets DURATION of simulated time pass (90s, 2h, 3d,"
                + " 1h30m; at most " + MAX_WAIT.toDays() + "d) in steps of the car's sample interval, the car doing"
                + " at each step what it would (wear, trips, periodic and threshold reports), and answers once"
                + " everything it sent meanwhile was acknowledged", commands::waitFor));
        table.add(ConsoleCommand.of("workshop", "workshop", "a workshop visit now: fresh oil, new brake pads, tyres at"
                + " placard pressure, service interval restarted, trouble codes cleared; the backend sees it with"
                + " the next report", commands::workshop));
    }

    private String start(Arguments arguments) throws CommandException {
        arguments.expect(0, 0);
        DrivingState before = vehicle.drivingState();
        if (before != DrivingState.PARKED) {
            return "no change, the car is " + StatusText.drivingState(before) + " already";
        }
        car.await(vehicle.startVehicle(), "start");
        return "ignition on";
    }

    private String stop(Arguments arguments) throws CommandException {
        arguments.expect(0, 0);
        DrivingState before = vehicle.drivingState();
        car.await(vehicle.park(), "stop");
        String odometer = " odometer=" + Texts.oneDecimal(vehicle.snapshot().odometerKm()) + "km";
        return switch (before) {
            case DRIVING -> "parked, trip ended early" + odometer;
            case IGNITION_ON -> "ignition off, parked" + odometer;
            case PARKED -> "no change, the car is parked already" + odometer;
        };
    }

    private String drive(Arguments arguments) throws CommandException {
        arguments.expect(1, 2);
        double km = arguments.positive(0, "km", TripPlan.MAX_KM);
        double kmh = arguments.size() > 1 ? arguments.positive(1, "km/h", TripPlan.MAX_KMH)
                : TripPlan.averageSpeedKmh(km);
        Duration duration = TripPlan.duration(km, kmh);
        Instant arrives = car.now().plus(duration);
        car.await(vehicle.drive(duration, km), "drive");
        car.tripEnds(arrives);
        return Texts.oneDecimal(km) + " km at " + Texts.number(kmh) + " km/h started, arrives " + Texts.instant(arrives);
    }

    private String waitFor(Arguments arguments) throws CommandException {
        arguments.expect(1, 1);
        Duration span;
        try {
            span = DurationConverter.parse(arguments.word(0));
        } catch (RuntimeException e) {
            throw arguments.wrong(e.getMessage());
        }
        if (span.isZero() || span.isNegative() || span.compareTo(MAX_WAIT) > 0) {
            throw arguments.wrong("the duration must be above 0 and at most " + MAX_WAIT.toDays() + "d, was "
                    + arguments.word(0));
        }
        FleetStats before = car.stats();
        Duration left = span;
        while (!left.isZero()) {
            Duration step = left.compareTo(car.sampleInterval()) < 0 ? left : car.sampleInterval();
            car.time().advance(step);
            left = left.minus(step);
            car.await(vehicle.evaluateNow(), "wait " + Texts.duration(span) + " (at " + Texts.instant(car.now())
                    + ", " + Texts.duration(left) + " still to go)");
        }
        FleetStats after = car.stats();
        return Texts.duration(span) + " now=" + Texts.instant(car.now())
                + " sent=" + (after.totalSent() - before.totalSent())
                + " smart-service=" + (after.published(Service.SMART_SERVICE) - before.published(Service.SMART_SERVICE))
                + " held-back=" + (after.totalSuppressed() - before.totalSuppressed())
                + " state=" + StatusText.drivingState(vehicle.drivingState())
                + " odometer=" + Texts.oneDecimal(vehicle.snapshot().odometerKm()) + "km";
    }

    private String workshop(Arguments arguments) throws CommandException {
        arguments.expect(0, 0);
        car.await(vehicle.visitWorkshop(), "workshop");
        return "oil, brake pads, tyres and service interval renewed, trouble codes cleared"
                + " (the backend sees it with the next report)";
    }
}
