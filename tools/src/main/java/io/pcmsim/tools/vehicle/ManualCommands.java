package io.pcmsim.tools.vehicle;

import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.manual.ManualLinks;
import io.pcmsim.vehicle.manual.ProfileOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * {@code manual ...}: the owner's manual in the car. A message shown in the cluster and the chapter links the
 * backend answers with, chapters opened, favourites, the links kept, and the driver's manual profile.
 */
final class ManualCommands {

    private static final String USAGE = "manual CODE | manual open CHAPTER | manual favourite CHAPTER [off] |"
            + " manual links | manual profile NAME USER-ID";

    private ManualCommands() {
    }

    static void addTo(CommandTable table, ConsoleCar car) {
        table.add(ConsoleCommand.of("manual", USAGE, "the owner's manual: 'manual W-OIL-LEVEL' shows that message in"
                + " the cluster and answers with the chapters the backend links to it; 'open' and 'favourite' are the"
                + " driver opening a chapter and keeping (or with 'off' dropping) a favourite; 'links' lists the links"
                + " and favourites the car keeps; 'profile' asks the backend for a manual profile with the driver's"
                + " name and user ID. Nothing is sent when the settings forbid the manual service",
                arguments -> run(car, arguments)));
    }

    private static String run(ConsoleCar car, Arguments arguments) throws CommandException {
        arguments.expect(1, Integer.MAX_VALUE);
        String first = arguments.word(0).toLowerCase(Locale.ROOT);
        return switch (first) {
            case "open" -> {
                arguments.expect(2, 2);
                yield sent(car, car.vehicle().openManualChapter(arguments.word(1)), "opened " + arguments.word(1));
            }
            case "favourite" -> favourite(car, arguments);
            case "links" -> {
                arguments.expect(1, 1);
                yield links(car.vehicle());
            }
            case "profile" -> profile(car, arguments);
            default -> {
                arguments.expect(1, 1);
                yield show(car, arguments.word(0));
            }
        };
    }

    private static String show(ConsoleCar car, String code) throws CommandException {
        EmulatedVehicle vehicle = car.vehicle();
        Optional<String> blocked = blocked(vehicle);
        Optional<ManualLinks> links = car.await(vehicle.showManualMessage(code), "manual " + code);
        String shown = code.toUpperCase(Locale.ROOT) + " shown";
        if (blocked.isPresent()) {
            return shown + ", refused: nothing sent, " + blocked.get();
        }
        return links.map(l -> shown + " " + describe(l))
                .orElse(shown + ", buffered (the car is offline): the links come when it is connected");
    }

    private static String favourite(ConsoleCar car, Arguments arguments) throws CommandException {
        arguments.expect(2, 3);
        boolean add = arguments.size() == 2 || !arguments.word(2).equalsIgnoreCase("off");
        if (arguments.size() == 3 && add) {
            throw arguments.wrong("after the chapter only 'off' may follow, was '" + arguments.word(2) + "'");
        }
        String chapter = arguments.word(1);
        return sent(car, car.vehicle().setManualFavourite(chapter, add), (add ? "favourite " : "no longer favourite ")
                + chapter);
    }

    private static String profile(ConsoleCar car, Arguments arguments) throws CommandException {
        arguments.expect(3, Integer.MAX_VALUE);
        String userId = arguments.word(arguments.size() - 1);
        String name = java.util.stream.IntStream.range(1, arguments.size() - 1).mapToObj(arguments::word)
                .collect(Collectors.joining(" "));
        EmulatedVehicle vehicle = car.vehicle();
        Optional<String> blocked = blocked(vehicle);
        Optional<ProfileOutcome> outcome = car.await(vehicle.requestManualProfile(name, userId),
                "manual profile");
        if (blocked.isPresent()) {
            return "profile refused: nothing sent, " + blocked.get();
        }
        return outcome.map(o -> o == ProfileOutcome.CREATED ? "profile created for " + name + " (user " + userId + ")"
                : "profile not created: " + name + " and user ID " + userId + " match no user of the identity registry")
                .orElse("profile request buffered (the car is offline): the answer comes when it is connected");
    }

    private static String sent(ConsoleCar car, CompletableFuture<Void> future, String what) throws CommandException {
        Optional<String> blocked = blocked(car.vehicle());
        boolean online = car.vehicle().online();
        car.await(future, what);
        if (blocked.isPresent()) {
            return "refused: nothing sent, " + blocked.get();
        }
        return what + (online ? " (sent)" : " (buffered: the car is offline)");
    }

    private static String links(EmulatedVehicle vehicle) {
        List<ManualLinks> links = vehicle.manualLinks();
        String received = links.isEmpty() ? "none" : links.stream().map(ManualCommands::describe)
                .collect(Collectors.joining("; "));
        List<String> favourites = vehicle.manualFavourites();
        return "links " + received + " favourites=" + (favourites.isEmpty() ? "none" : String.join(",", favourites));
    }

    private static String describe(ManualLinks links) {
        if (links.links().isEmpty()) {
            return links.messageCode() + ": no chapter linked";
        }
        return links.messageCode() + ": " + links.links().stream()
                .map(l -> l.chapterId() + " \"" + l.title() + "\" " + l.url()).collect(Collectors.joining(", "));
    }

    /** The reason the manual service is blocked now, if it is. */
    private static Optional<String> blocked(EmulatedVehicle vehicle) {
        return vehicle.settings().allows(Service.MANUAL) ? Optional.empty()
                : Optional.of(SettingsCommands.whyBlocked(vehicle.settings(), Service.MANUAL));
    }
}
