package io.pcmsim.vehicle.privacy;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The driver's connectivity settings as the car enforces them. Immutable; the {@code with...} methods
 * return changed copies.
 *
 * @param privacyMode no online function of any service while on
 * @param disabledGroups service groups switched off
 * @param disabledServices services switched off one by one
 * @param totalShutdown every service switched off
 */
public record DriverSettings(boolean privacyMode, Set<ServiceGroup> disabledGroups, Set<Service> disabledServices,
        boolean totalShutdown) {

    public DriverSettings {
        disabledGroups = Set.copyOf(Objects.requireNonNull(disabledGroups, "disabledGroups"));
        disabledServices = Set.copyOf(Objects.requireNonNull(disabledServices, "disabledServices"));
    }

    /** Everything on, privacy mode off: the factory setting. */
    public static DriverSettings defaults() {
        return new DriverSettings(false, Set.of(), Set.of(), false);
    }

    /**
     * Whether a message of {@code service} may be transmitted under these settings. The session
     * ({@link Service#LOGIN}) is allowed while any service is allowed.
     */
    public boolean allows(Service service) {
        if (privacyMode || totalShutdown) {
            return false;
        }
        if (service.isSession()) {
            return anyServiceAllowed();
        }
        return groupEnabled(service.group().orElseThrow()) && serviceEnabled(service);
    }

    /** Whether at least one service of the privacy notice may transmit. */
    public boolean anyServiceAllowed() {
        for (Service s : Service.values()) {
            if (!s.isSession() && allows(s)) {
                return true;
            }
        }
        return false;
    }

    public boolean groupEnabled(ServiceGroup group) {
        return !disabledGroups.contains(group);
    }

    public boolean serviceEnabled(Service service) {
        return !disabledServices.contains(service);
    }

    public DriverSettings withPrivacyMode(boolean on) {
        return new DriverSettings(on, disabledGroups, disabledServices, totalShutdown);
    }

    public DriverSettings withServiceGroup(ServiceGroup group, boolean enabled) {
        Set<ServiceGroup> groups = disabledGroups.isEmpty() ? EnumSet.noneOf(ServiceGroup.class)
                : EnumSet.copyOf(disabledGroups);
        if (enabled) {
            groups.remove(group);
        } else {
            groups.add(group);
        }
        return new DriverSettings(privacyMode, groups, disabledServices, totalShutdown);
    }

    public DriverSettings withService(Service service, boolean enabled) {
        Set<Service> services = disabledServices.isEmpty() ? EnumSet.noneOf(Service.class)
                : EnumSet.copyOf(disabledServices);
        if (enabled) {
            services.remove(service);
        } else {
            services.add(service);
        }
        return new DriverSettings(privacyMode, disabledGroups, services, totalShutdown);
    }

    public DriverSettings withTotalShutdown(boolean on) {
        return new DriverSettings(privacyMode, disabledGroups, disabledServices, on);
    }
}
