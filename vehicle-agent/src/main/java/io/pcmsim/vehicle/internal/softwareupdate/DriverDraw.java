package io.pcmsim.vehicle.internal.softwareupdate;

import io.pcmsim.vehicle.softwareupdate.SoftwareUpdatePolicy;
import io.pcmsim.vehicle.softwareupdate.UpdateDecision;
import java.util.Optional;
import java.util.SplittableRandom;

/** A number in [0, 1) drawn from the fleet's seed, the car and what it is for: the same in every run. */
final class DriverDraw {

    private DriverDraw() {
    }

    static double of(long seed, String vin, String campaignId, String purpose) {
        long key = seed * 0x9E3779B97F4A7C15L ^ (vin + '/' + campaignId + '/' + purpose).hashCode() * 0xBF58476D1CE4E5B9L;
        return new SplittableRandom(key).nextDouble();
    }

    /**
     * The driver's answer to the {@code n}th offer of a campaign as the fleet's policy draws it; empty: the offer
     * waits for the driver.
     */
    static Optional<UpdateDecision> decision(SoftwareUpdatePolicy policy, long seed, String vin, String campaignId,
            int n) {
        double u = of(seed, vin, campaignId, "decision-" + n);
        if (u < policy.acceptFraction()) {
            return Optional.of(UpdateDecision.ACCEPT);
        }
        if (u < policy.acceptFraction() + policy.deferFraction()) {
            return Optional.of(UpdateDecision.DEFER);
        }
        if (u < policy.acceptFraction() + policy.deferFraction() + policy.declineFraction()) {
            return Optional.of(UpdateDecision.DECLINE);
        }
        return Optional.empty();
    }
}
