package io.pcmsim.tools.vehicle;

import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.fleet.BreakdownCallResult;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.model.ClusterWarning;
import io.pcmsim.vehicle.model.Fault;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code fault NAME}, {@code fault list} and {@code breakdown}: what goes wrong with the car, and the call for help. */
final class ServiceCommands {

    private ServiceCommands() {
    }

    static void addTo(CommandTable table, ConsoleCar car) {
        table.add(ConsoleCommand.of("fault", "fault NAME|list", "a fault appears in the car now (its trouble codes"
                + " and the driver's warning; they reach the backend with the next report); 'fault list' names the"
                + " faults", arguments -> {
                    arguments.expect(1, 1);
                    return arguments.word(0).equalsIgnoreCase("list") ? "faults: " + String.join(", ", Fault.names())
                            : inject(car, arguments);
                }));
        table.add(ConsoleCommand.of("breakdown", "breakdown [--assistance yes|no] [--dealer yes|no]", "the driver"
                + " starts a breakdown call and answers the two consent questions (default no to both); the car sends"
                + " one report with its state, fault log and location, or nothing when its settings forbid the"
                + " service", arguments -> breakdown(car, arguments)));
    }

    private static String inject(ConsoleCar car, Arguments arguments) throws CommandException {
        Fault fault;
        try {
            fault = Fault.parse(arguments.word(0));
        } catch (IllegalArgumentException e) {
            throw arguments.wrong(e.getMessage());
        }
        EmulatedVehicle vehicle = car.vehicle();
        try {
            car.await(vehicle.injectFault(fault), "fault " + fault.label());
        } catch (IllegalArgumentException e) {
            throw new CommandException("fault " + fault.label() + ": " + e.getMessage());
        }
        String codes = String.join(",", fault.codes(vehicle.profile()));
        String warnings = fault.warnings().stream().map(ClusterWarning::code).collect(Collectors.joining(","));
        return fault.label() + " active codes=" + (codes.isEmpty() ? "none" : codes) + " warnings="
                + (warnings.isEmpty() ? "none" : warnings) + " (sent with the next report)";
    }

    private static String breakdown(ConsoleCar car, Arguments arguments) throws CommandException {
        Map<String, Boolean> consents = arguments.yesNoOptions("assistance", "dealer");
        boolean assistance = consents.getOrDefault("assistance", false);
        boolean dealer = consents.getOrDefault("dealer", false);
        EmulatedVehicle vehicle = car.vehicle();
        BreakdownCallResult result = car.await(vehicle.callBreakdown(assistance, dealer), "breakdown");
        String given = "assistance=" + yesNo(assistance) + " dealer=" + yesNo(dealer);
        return switch (result.outcome()) {
            case SENT -> "call=" + result.callId().orElseThrow() + " sent " + given;
            case QUEUED -> "call=" + result.callId().orElseThrow() + " buffered (the car is offline) " + given;
            case REFUSED_BY_SETTINGS -> "refused: nothing sent, "
                    + SettingsCommands.whyBlocked(vehicle.settings(), Service.BREAKDOWN);
        };
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
