package io.pcmsim.backend.mapupdate;

import java.time.Instant;
import java.util.Objects;

/**
 * One map transfer as the backend documents it: the anonymous key, the region and version, when the car
 * installed it (as the provider reported) and when the backend recorded it. No VIN.
 */
public record DocumentedTransfer(String anonymousKey, String region, String version, Instant transferredAt,
        Instant recordedAt) {

    public DocumentedTransfer {
        Objects.requireNonNull(anonymousKey, "anonymousKey");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(transferredAt, "transferredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
