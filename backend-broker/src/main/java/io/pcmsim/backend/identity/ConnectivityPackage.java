package io.pcmsim.backend.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A VIN's connectivity package: the contract under which its connected services run.
 *
 * @param name the package's name, e.g. {@code "Connect"}
 * @param validFrom first instant it is valid
 * @param validUntil first instant it is no longer valid (after {@code validFrom})
 */
public record ConnectivityPackage(String name, Instant validFrom, Instant validUntil) {

    public ConnectivityPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("a package must end after it starts: " + validFrom + " to " + validUntil);
        }
    }

    /** Whether the package is valid at {@code instant}: from {@code validFrom} inclusive to {@code validUntil} exclusive. */
    public boolean validAt(Instant instant) {
        return !instant.isBefore(validFrom) && instant.isBefore(validUntil);
    }
}
