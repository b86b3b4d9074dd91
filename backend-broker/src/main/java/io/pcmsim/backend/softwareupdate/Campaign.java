package io.pcmsim.backend.softwareupdate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign as it stands.
 *
 * @param campaignId its id
 * @param releaseId the release it rolls out
 * @param modelCode the release's model
 * @param fromVersions versions a car must have installed to be offered it
 * @param waveSizes cars per wave
 * @param failureThreshold failure share of a wave that halts it
 * @param minResults results a wave needs before its failure share is judged
 * @param state running or halted
 * @param currentWave the open wave, from 0
 * @param haltReason why it was halted last, if it is halted
 * @param createdAt backend time it was created
 */
public record Campaign(String campaignId, String releaseId, String modelCode, Map<String, String> fromVersions,
                       List<Integer> waveSizes, double failureThreshold, int minResults, CampaignState state,
                       int currentWave, Optional<String> haltReason, Instant createdAt) {

    public Campaign {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(modelCode, "modelCode");
        fromVersions = Map.copyOf(fromVersions);
        waveSizes = List.copyOf(waveSizes);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(haltReason, "haltReason");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
