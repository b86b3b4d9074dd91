package io.pcmsim.backend.softwareupdate;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A release with its signed package.
 *
 * @param releaseId its id
 * @param modelCode the car model it is for
 * @param target component to the version it installs
 * @param sizeBytes package size
 * @param chunkSize bytes per chunk (the last may be shorter)
 * @param chunkCount chunks of the package
 * @param sha256 SHA-256 of the package, hex
 * @param signature Ed25519 signature of the package by the release key, base64
 * @param createdAt backend time it was created
 */
public record Release(String releaseId, String modelCode, Map<String, String> target, int sizeBytes, int chunkSize,
                      int chunkCount, String sha256, String signature, Instant createdAt) {

    public Release {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(modelCode, "modelCode");
        target = Map.copyOf(target);
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
