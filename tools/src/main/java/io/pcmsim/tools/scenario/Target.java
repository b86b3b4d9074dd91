package io.pcmsim.tools.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The cars an event is addressed to: a group (or the whole fleet), a share of it, or single VINs.
 *
 * @param group the group's name; empty: every group
 * @param share share of the group's cars, 0 to 1, picked by the scenario's seed and the event's position
 * @param vins single cars; when given, group and share are not used
 */
public record Target(Optional<String> group, double share, List<String> vins) {

    public Target {
        vins = List.copyOf(vins);
    }

    /** Every car of the fleet. */
    public static Target everyCar() {
        return new Target(Optional.empty(), 1.0, List.of());
    }

    /** For messages: "group commuters (50 %)", "every car", "2 VINs". */
    public String describe() {
        if (!vins.isEmpty()) {
            return vins.size() == 1 ? vins.get(0) : vins.size() + " VINs";
        }
        String who = group.map(g -> "group " + g).orElse("every car");
        return share >= 1 ? who : who + " (" + Math.round(share * 100) + " %)";
    }
}
