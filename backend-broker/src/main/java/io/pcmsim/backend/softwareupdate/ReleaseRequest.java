package io.pcmsim.backend.softwareupdate;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A release to build: the model it is for, the versions it installs and the size of its package (content
 * generated, deterministic pseudo-random bytes).
 *
 * @param modelCode the car model, e.g. {@code 992}
 * @param target component to the version it installs, at least one
 * @param sizeBytes package size, 1 byte to 64 MiB
 * @param chunkSize bytes per chunk, 1 KiB to 256 KiB
 */
public record ReleaseRequest(String modelCode, Map<String, String> target, int sizeBytes, int chunkSize) {

    /** The default chunk size, 64 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;

    public ReleaseRequest {
        Objects.requireNonNull(modelCode, "modelCode");
        target = Map.copyOf(new TreeMap<>(target));
        if (!modelCode.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("modelCode [" + modelCode + "] must be 1 to 16 letters or digits");
        }
        if (target.isEmpty()) {
            throw new IllegalArgumentException("a release needs at least one target component version");
        }
        target.forEach((component, version) -> {
            if (!component.matches("[A-Z0-9_]{1,32}") || !version.matches("[A-Za-z0-9._-]{1,32}")) {
                throw new IllegalArgumentException("target [" + component + "=" + version + "] must be a component of"
                        + " A-Z, 0-9, _ and a version of letters, digits, '.', '_' or '-', each 1 to 32 characters");
            }
        });
        if (sizeBytes < 1 || sizeBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("sizeBytes must be 1 to 67108864, was " + sizeBytes);
        }
        if (chunkSize < 1024 || chunkSize > 256 * 1024) {
            throw new IllegalArgumentException("chunkSize must be 1024 to 262144, was " + chunkSize);
        }
    }
}
