package io.pcmsim.tools.vehicle;

import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;

/** {@code report}: a Smart Service report of the state now, outside the car's schedule. */
final class ReportCommand {

    private ReportCommand() {
    }

    static String run(ConsoleCar car, Arguments arguments) throws CommandException {
        arguments.expect(0, 0);
        EmulatedVehicle vehicle = car.vehicle();
        boolean allowed = vehicle.settings().allows(Service.SMART_SERVICE);
        boolean online = vehicle.online();
        long acknowledged = car.stats().published(Service.SMART_SERVICE);
        car.await(vehicle.sendSmartServiceReport(), "report");
        if (!allowed) {
            return "held back: " + SettingsCommands.whyBlocked(vehicle.settings(), Service.SMART_SERVICE);
        }
        if (!online) {
            return "buffered: the car is offline, messages waiting=" + car.stats().buffered();
        }
        if (car.stats().published(Service.SMART_SERVICE) > acknowledged) {
            return "acknowledged by the broker";
        }
        throw new CommandException("report: the broker did not acknowledge the report; the car sends it again"
                + " when it is connected (see status)");
    }
}
