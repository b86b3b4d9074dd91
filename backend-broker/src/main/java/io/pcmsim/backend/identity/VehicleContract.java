package io.pcmsim.backend.identity;

import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the registry knows of a VIN: its owner and its connectivity package, each if any.
 */
public record VehicleContract(Vin vin, Optional<UserAccount> owner, Optional<ConnectivityPackage> connectivity) {

    public VehicleContract {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(connectivity, "connectivity");
    }

    /**
     * Whether the VIN may use the connected services at {@code instant}: a user is linked to it and its
     * connectivity package is valid then.
     */
    public boolean entitledAt(Instant instant) {
        return owner.isPresent() && connectivity.map(p -> p.validAt(instant)).orElse(false);
    }
}
