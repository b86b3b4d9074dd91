package io.pcmsim.backend.mapprovider;

import java.util.List;
import java.util.Optional;

/** The provider's map versions per region. Thread-safe. */
public interface MapCatalogue {

    /** Every release, by region, then oldest first. */
    List<MapRelease> releases();

    /** The newest release of {@code region}, if the catalogue has the region. */
    Optional<MapRelease> latest(String region);

    /**
     * Publishes a new version of {@code region}; cars get it at their next vehicle start.
     *
     * @throws IllegalArgumentException naming the value when region, version or size is malformed, or the
     *     version is not newer than the region's latest
     */
    MapRelease publish(String region, String version, long sizeBytes);
}
