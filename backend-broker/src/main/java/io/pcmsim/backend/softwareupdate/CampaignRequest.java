package io.pcmsim.backend.softwareupdate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A campaign to start: which release, for which cars (the release's model and, optionally, the versions they
 * must have installed), in which waves, and when it halts on its own.
 *
 * @param releaseId the release it rolls out
 * @param fromVersions component to the version a car must have installed to be offered the update; empty: every
 *     car of the model that does not have the release's versions yet
 * @param waveSizes cars offered per wave, in order, each at least 1; a wave opens once every car of the one
 *     before has answered (installed, failed, declined or deferred)
 * @param failureThreshold the campaign halts when a wave's failed installs exceed this share of its results
 *     (installed plus failed), 0 to 1
 * @param minResults results a wave needs before its failure share is judged, at least 1
 */
public record CampaignRequest(String releaseId, Map<String, String> fromVersions, List<Integer> waveSizes,
                              double failureThreshold, int minResults) {

    public CampaignRequest {
        Objects.requireNonNull(releaseId, "releaseId");
        fromVersions = Map.copyOf(new TreeMap<>(fromVersions));
        waveSizes = List.copyOf(waveSizes);
        if (waveSizes.isEmpty() || waveSizes.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("waveSizes must be one or more sizes of at least 1, was " + waveSizes);
        }
        if (!(failureThreshold >= 0 && failureThreshold <= 1)) {
            throw new IllegalArgumentException("failureThreshold must be between 0 and 1, was " + failureThreshold);
        }
        if (minResults < 1) {
            throw new IllegalArgumentException("minResults must be at least 1, was " + minResults);
        }
    }
}
