package io.pcmsim.backend.mapprovider;

import io.pcmsim.protocol.AnonymousMapKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One map package a car installed, as the provider knows it: by anonymous key, never by VIN.
 *
 * @param at when the car reported it installed (provider's clock)
 */
public record MapTransfer(AnonymousMapKey key, String region, String version, Instant at) {

    public MapTransfer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(at, "at");
    }
}
