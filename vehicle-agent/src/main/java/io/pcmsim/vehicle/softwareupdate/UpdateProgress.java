package io.pcmsim.vehicle.softwareupdate;

import io.pcmsim.vehicle.model.InstalledVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a car is doing with software updates, as of its last step.
 *
 * @param phase where the current (or last) update stands
 * @param campaignId the campaign of that update, if any
 * @param chunksReceived chunks of its package the car holds
 * @param chunkCount chunks of its package
 * @param failureReason why the last update failed or was refused, if it did
 * @param refused packages the car refused (verification, model, downgrade, no trusted key) since it started
 * @param installed the software installed now
 */
public record UpdateProgress(Phase phase, Optional<String> campaignId, int chunksReceived, int chunkCount,
                             Optional<String> failureReason, long refused, List<InstalledVersion> installed) {

    /** Where an update stands in the car. */
    public enum Phase {
        /** No update offered yet. */
        IDLE,
        /** Offered and checked; the driver has not decided. */
        OFFERED,
        DOWNLOADING,
        INSTALLING,
        INSTALLED,
        /** Refused by the car's checks or failed while installing. */
        FAILED,
        DECLINED,
        DEFERRED
    }

    public UpdateProgress {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(failureReason, "failureReason");
        installed = List.copyOf(installed);
    }

    /** One line for a console: phase, campaign, chunks, reason. */
    public String describe() {
        StringBuilder line = new StringBuilder(phase.name().toLowerCase(java.util.Locale.ROOT));
        campaignId.ifPresent(id -> line.append(" campaign=").append(id));
        if (chunkCount > 0) {
            line.append(" chunks=").append(chunksReceived).append('/').append(chunkCount);
        }
        failureReason.ifPresent(r -> line.append(" reason=\"").append(r).append('"'));
        line.append(" refused=").append(refused).append(" installed=");
        line.append(String.join(",", installed.stream().map(v -> v.name() + ":" + v.version()).toList()));
        return line.toString();
    }
}
