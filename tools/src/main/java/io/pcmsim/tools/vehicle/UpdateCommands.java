package io.pcmsim.tools.vehicle;

import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.softwareupdate.UpdateDecision;
import io.pcmsim.vehicle.softwareupdate.UpdateProgress;
import io.pcmsim.vehicle.softwareupdate.UpdateProgress.Phase;
import java.util.Locale;

/**
 * {@code update accept|defer|decline}, {@code update status} and {@code update fail REASON}: the driver's answer
 * to an offered software update, where the update stands, and an install failure injected into the car.
 */
final class UpdateCommands {

    private UpdateCommands() {
    }

    static void addTo(CommandTable table, ConsoleCar car) {
        table.add(ConsoleCommand.of("update", "update accept|defer|decline|status|fail REASON", "the driver's answer"
                + " to the software update offered (accept: download, check and install; defer: asked again at the"
                + " next offer; decline: never this one); 'update status' tells where the update stands; 'update fail"
                + " REASON' makes the car's next install fail with REASON", arguments -> {
                    if (arguments.size() == 0) {
                        throw arguments.wrong("too few arguments");
                    }
                    String word = arguments.word(0).toLowerCase(Locale.ROOT);
                    EmulatedVehicle vehicle = car.vehicle();
                    if (word.equals("status")) {
                        arguments.expect(1, 1);
                        return vehicle.updateProgress().describe();
                    }
                    if (word.equals("fail")) {
                        arguments.expect(2, Integer.MAX_VALUE);
                        StringBuilder reason = new StringBuilder(arguments.word(1));
                        for (int i = 2; i < arguments.size(); i++) {
                            reason.append(' ').append(arguments.word(i));
                        }
                        car.await(vehicle.injectInstallFailure(reason.toString()), "update fail");
                        return "the next install fails with \"" + reason + "\"";
                    }
                    arguments.expect(1, 1);
                    return decide(car, arguments, word);
                }));
    }

    private static String decide(ConsoleCar car, Arguments arguments, String word) throws CommandException {
        UpdateDecision decision;
        try {
            decision = UpdateDecision.parse(word);
        } catch (IllegalArgumentException e) {
            throw arguments.wrong("'" + word + "' is none of accept, defer, decline, status, fail");
        }
        EmulatedVehicle vehicle = car.vehicle();
        UpdateProgress before = vehicle.updateProgress();
        if (before.phase() != Phase.OFFERED) {
            throw new CommandException("update " + word + ": no offer waits for a decision ("
                    + before.describe() + ")");
        }
        car.await(vehicle.decideUpdate(decision), "update " + word);
        return vehicle.updateProgress().describe();
    }
}
