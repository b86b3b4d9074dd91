package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.internal.service.SettingsChange;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The driver settings in force and the decision, per message, whether it may be transmitted. A message
 * the gate refuses is dropped for good and reported to the suppression listener; nothing refused is ever
 * sent later.
 *
 * <p>The gate counts epochs: every settings change that blocks a service begins a new one. A message
 * remembers the epoch it was admitted in; {@link #blockedSince} tells whether its service was blocked
 * after that, so a publish that was in flight when a block began is never sent again after it ended.
 *
 * <p>Confined to the vehicle's lane for {@link #admit}, {@link #apply} and {@link #blockedSince};
 * {@link #settings()} may be read from any thread.
 */
final class PrivacyGate {

    private final Consumer<Service> onSuppressed;
    private final Map<Service, Long> lastBlocked = new EnumMap<>(Service.class);
    private volatile DriverSettings settings;
    private long epoch;

    /**
     * @param onSuppressed told of every refused message, on the caller's thread
     */
    PrivacyGate(DriverSettings initial, Consumer<Service> onSuppressed) {
        this.settings = Objects.requireNonNull(initial, "initial");
        this.onSuppressed = Objects.requireNonNull(onSuppressed, "onSuppressed");
    }

    /** Whether a message of {@code service} passes; a refused one is counted as suppressed. */
    boolean admit(Service service) {
        if (settings.allows(service)) {
            return true;
        }
        onSuppressed.accept(service);
        return false;
    }

    /** Whether a message of {@code service} would pass now; counts nothing. */
    boolean allows(Service service) {
        return settings.allows(service);
    }

    /**
     * Whether any service may transmit. When none may, the car is silent: no login, no presence, no
     * connection.
     */
    boolean allowsAny() {
        DriverSettings now = settings;
        return Arrays.stream(Service.values()).anyMatch(now::allows);
    }

    /** The current epoch: how many blocks have begun. */
    long epoch() {
        return epoch;
    }

    /** Whether {@code service} was blocked, or is blocked now, since epoch {@code admittedIn} began. */
    boolean blockedSince(Service service, long admittedIn) {
        return !allows(service) || lastBlocked.getOrDefault(service, -1L) > admittedIn;
    }

    DriverSettings settings() {
        return settings;
    }

    /** Puts {@code next} in force and says which services it blocked and unblocked. */
    SettingsChange apply(DriverSettings next) {
        Objects.requireNonNull(next, "next");
        DriverSettings before = settings;
        Set<Service> blocked = EnumSet.noneOf(Service.class);
        Set<Service> unblocked = EnumSet.noneOf(Service.class);
        for (Service service : Service.values()) {
            boolean was = before.allows(service);
            boolean is = next.allows(service);
            if (was && !is) {
                blocked.add(service);
            } else if (!was && is) {
                unblocked.add(service);
            }
        }
        if (!blocked.isEmpty()) {
            epoch++;
            blocked.forEach(service -> lastBlocked.put(service, epoch));
        }
        settings = next;
        return new SettingsChange(before, next, blocked, unblocked);
    }
}
