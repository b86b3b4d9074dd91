package io.pcmsim.tools.vehicle;

import io.pcmsim.vehicle.model.InstalledVersion;
import java.util.stream.Collectors;

/** {@code maps}: the navigation maps installed in the car, as map updates changed them. */
final class MapCommands {

    private MapCommands() {
    }

    static void addTo(CommandTable table, ConsoleCar car) {
        table.add(ConsoleCommand.of("maps", "maps", "the navigation maps installed, region=version; a vehicle start"
                + " checks the map provider for newer ones (with the anonymous key the backend gave at login)",
                arguments -> {
                    arguments.expect(0, 0);
                    return car.vehicle().installedMaps().stream()
                            .map(MapCommands::text).collect(Collectors.joining(" "));
                }));
    }

    /** {@code EU=2027.1}. */
    static String text(InstalledVersion map) {
        return map.name() + "=" + map.version();
    }
}
