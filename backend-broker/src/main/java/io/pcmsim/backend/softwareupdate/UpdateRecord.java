package io.pcmsim.backend.softwareupdate;

import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One car in one campaign: kept while the contract lasts (3 years after its last change by default, see
 * docs/retention.md).
 *
 * @param state the car's last reported state ({@code OFFERED} until it answers), e.g. {@code INSTALLED}
 * @param failureReason the reason the car gave with {@code FAILED}
 */
public record UpdateRecord(String campaignId, Vin vin, int wave, String state, Optional<String> failureReason,
                           Instant offeredAt, Instant updatedAt) {

    public UpdateRecord {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(offeredAt, "offeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
