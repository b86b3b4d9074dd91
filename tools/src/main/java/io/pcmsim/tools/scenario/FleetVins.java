package io.pcmsim.tools.scenario;

import io.pcmsim.vehicle.fleet.VinGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The VINs a scenario's fleet will have (the fleet generates them from its seed), to check the timeline's. */
final class FleetVins {

    private FleetVins() {
    }

    /** A problem for every VIN of the timeline that is not a car of the fleet. */
    static List<String> unknown(Scenario scenario) {
        Set<String> fleet = new HashSet<>();
        List<String> vins = new ArrayList<>();
        new VinGenerator(scenario.seed()).generate(scenario.vehicles()).forEach(v -> {
            fleet.add(v.value());
            vins.add(v.value());
        });
        List<String> problems = new ArrayList<>();
        for (TimedEvent event : scenario.timeline()) {
            for (int k = 0; k < event.target().vins().size(); k++) {
                String vin = event.target().vins().get(k);
                if (!fleet.contains(vin)) {
                    problems.add(scenario.name() + ":" + event.line() + ": timeline[" + event.index() + "].vins[" + k
                            + "]: " + vin + " is not a car of this fleet (seed " + scenario.seed() + ", "
                            + scenario.vehicles() + " cars; the first is " + (vins.isEmpty() ? "none" : vins.get(0))
                            + ")");
                }
            }
        }
        return problems;
    }
}
