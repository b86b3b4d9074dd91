package io.pcmsim.tools.scenario;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import java.util.Set;

/**
 * One group of the fleet: its cars and the settings they start with.
 *
 * @param name how the timeline addresses it
 * @param count cars in the group, at least 1
 * @param privacyShare share of the group's cars in privacy mode from the start, 0 to 1 (spread evenly)
 * @param disabledGroups service groups switched off from the start in every car of the group
 * @param disabledServices services switched off from the start in every car of the group
 */
public record Group(String name, int count, double privacyShare, Set<ServiceGroup> disabledGroups,
        Set<Service> disabledServices) {

    public Group {
        disabledGroups = Set.copyOf(disabledGroups);
        disabledServices = Set.copyOf(disabledServices);
    }

    /** Whether the car at {@code index} (from 0) of the group starts in privacy mode. */
    public boolean startsPrivate(int index) {
        return Math.floor((index + 1) * privacyShare) > Math.floor(index * privacyShare);
    }

    Group scaled(double factor) {
        return new Group(name, Math.max(1, (int) Math.round(count * factor)), privacyShare, disabledGroups,
                disabledServices);
    }
}
