package io.pcmsim.vehicle.privacy;

import io.pcmsim.protocol.Service;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The driver settings in force and the decision, per message, whether it may be transmitted. A message
 * the gate refuses is dropped for good and reported to the suppression listener; nothing refused is ever
 * sent later.
 *
 * <p>Confined to the vehicle's lane for {@link #admit} and {@link #apply}; {@link #settings()} may be read
 * from any thread.
 */
public final class PrivacyGate {

    private final Consumer<Service> onSuppressed;
    private volatile DriverSettings settings;

    /**
     * @param onSuppressed told of every refused message, on the caller's thread
     */
    public PrivacyGate(DriverSettings initial, Consumer<Service> onSuppressed) {
        this.settings = Objects.requireNonNull(initial, "initial");
        this.onSuppressed = Objects.requireNonNull(onSuppressed, "onSuppressed");
    }

    /** Whether a message of {@code service} passes; a refused one is counted as suppressed. */
    public boolean admit(Service service) {
        if (settings.allows(service)) {
            return true;
        }
        onSuppressed.accept(service);
        return false;
    }

    /** Whether a message of {@code service} would pass now; counts nothing. */
    public boolean allows(Service service) {
        return settings.allows(service);
    }

    public DriverSettings settings() {
        return settings;
    }

    /** Puts {@code next} in force and says which services it blocked and unblocked. */
    public SettingsChange apply(DriverSettings next) {
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
        settings = next;
        return new SettingsChange(before, next, blocked, unblocked);
    }
}
