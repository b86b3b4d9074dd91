package io.pcmsim.backend.smartservice;

import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A collection config the backend sent a car.
 *
 * @param sentAt the backend's clock when it was sent
 * @param appliedAt the car's clock when it applied it; present exactly when {@link ConfigState#APPLIED}
 */
public record SentConfig(String configId, Vin vin, CollectionSettings settings, ConfigState state, Instant sentAt,
        Optional<Instant> appliedAt) {

    public SentConfig {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(appliedAt, "appliedAt");
    }
}
