package io.pcmsim.vehicle.internal.service;

import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.util.Set;

/**
 * What a change of driver settings did to the services.
 *
 * @param blocked services that could transmit before and cannot now
 * @param unblocked services that could not transmit before and can now
 */
public record SettingsChange(DriverSettings before, DriverSettings after, Set<Service> blocked,
        Set<Service> unblocked) {

    public SettingsChange {
        blocked = Set.copyOf(blocked);
        unblocked = Set.copyOf(unblocked);
    }
}
