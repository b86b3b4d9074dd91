package io.pcmsim.backend.manual;

import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.Objects;

/**
 * A manual profile: created when name and user ID the driver gave in the car matched the identity registry,
 * linked to the car. Deleted one year after it was last used.
 *
 * @param vin the car it is linked to
 * @param userId the user of the identity registry
 * @param createdAt when it was created (the backend's clock)
 * @param lastUsedAt when the car last sent a manual event or profile request
 */
public record ManualProfile(Vin vin, String userId, Instant createdAt, Instant lastUsedAt) {

    public ManualProfile {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }
}
