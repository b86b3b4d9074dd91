package io.pcmsim.tools.vehicle;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The driver's settings, enforced inside the car: privacy mode, the two service groups and the single
 * services. Each answers once the car has settled the change: when it blocks a service, after what was
 * sent before is acknowledged (and, when nothing may transmit any more, the car has disconnected); when it
 * lets the car talk again, after its fresh login was acknowledged.
 */
final class SettingsCommands {

    private final ConsoleCar car;
    private final EmulatedVehicle vehicle;

    private SettingsCommands(ConsoleCar car) {
        this.car = car;
        this.vehicle = car.vehicle();
    }

    static void addTo(CommandTable table, ConsoleCar car) {
        SettingsCommands commands = new SettingsCommands(car);
        table.add(ConsoleCommand.of("privacy", "privacy on|off", "privacy mode: on, the car sends nothing at all (no"
                + " login, no presence, no connection naming the VIN) and discards what it had not sent; off, it"
                + " connects under a new boot and logs in", commands::privacy));
        table.add(ConsoleCommand.of("group", "group with-location|without-location on|off", "switches a service"
                + " group: with-location is the breakdown call, without-location the other services",
                commands::group));
        table.add(ConsoleCommand.of("service", "service " + String.join("|", serviceNames()) + " on|off",
                "switches one service on or off", commands::service));
    }

    private String privacy(Arguments arguments) throws CommandException {
        arguments.expect(1, 1);
        boolean on = arguments.onOff(0);
        return settled(vehicle.setPrivacyMode(on), "privacy", Texts.onOff(on));
    }

    private String group(Arguments arguments) throws CommandException {
        arguments.expect(2, 2);
        String name = arguments.word(0).toLowerCase(Locale.ROOT);
        ServiceGroup group = Arrays.stream(ServiceGroup.values()).filter(g -> groupName(g).equals(name)).findFirst()
                .orElseThrow(() -> arguments.wrong("'" + arguments.word(0) + "' is not a service group"));
        boolean on = arguments.onOff(1);
        return settled(vehicle.setServiceGroup(group, on), "group", groupName(group) + " " + Texts.onOff(on));
    }

    private String service(Arguments arguments) throws CommandException {
        arguments.expect(2, 2);
        Optional<Service> found = Service.fromTopicName(arguments.word(0).toLowerCase(Locale.ROOT))
                .filter(s -> !s.isSession());
        Service service = found.orElseThrow(() -> arguments.wrong("'" + arguments.word(0) + "' is not a service"));
        boolean on = arguments.onOff(1);
        return settled(vehicle.setServiceEnabled(service, on), "service", service.topicName() + " " + Texts.onOff(on));
    }

    /** Waits for the change and tells the result: what was set, and whether the car is online. */
    private String settled(CompletableFuture<Void> change, String command, String what) throws CommandException {
        car.await(change, command + " " + what);
        DriverSettings settings = vehicle.settings();
        return what + " online=" + Texts.yesNo(vehicle.online()) + " boot=" + vehicle.bootId()
                + (settings.anyServiceAllowed() ? "" : " (silent: no service may transmit)");
    }

    /** with-location or without-location. */
    static String groupName(ServiceGroup group) {
        return group.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Why {@code settings} keep {@code service} from transmitting, e.g. {@code privacy mode is on}. */
    static String whyBlocked(DriverSettings settings, Service service) {
        if (settings.privacyMode()) {
            return "privacy mode is on";
        }
        if (settings.totalShutdown()) {
            return "every service is switched off";
        }
        ServiceGroup group = service.group().orElseThrow();
        if (!settings.groupEnabled(group)) {
            return "the service group " + groupName(group) + " is off";
        }
        return "the service " + service.topicName() + " is off";
    }

    private static java.util.List<String> serviceNames() {
        return Arrays.stream(Service.values()).filter(s -> !s.isSession()).map(Service::topicName)
                .collect(Collectors.toList());
    }
}
