package io.pcmsim.vehicle.model;

import java.util.Objects;

/**
 * A versioned item installed in the car: a control unit's software or a navigation map region.
 *
 * @param name control unit (e.g. {@code PCM}) or map region (e.g. {@code EU})
 * @param version installed version text
 */
public record InstalledVersion(String name, String version) {

    public InstalledVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
