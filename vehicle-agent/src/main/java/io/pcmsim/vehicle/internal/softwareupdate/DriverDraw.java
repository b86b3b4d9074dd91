package io.pcmsim.vehicle.internal.softwareupdate;

import java.util.SplittableRandom;

/** A number in [0, 1) drawn from the fleet's seed, the car and what it is for: the same in every run. */
final class DriverDraw {

    private DriverDraw() {
    }

    static double of(long seed, String vin, String campaignId, String purpose) {
        long key = seed * 0x9E3779B97F4A7C15L ^ (vin + '/' + campaignId + '/' + purpose).hashCode() * 0xBF58476D1CE4E5B9L;
        return new SplittableRandom(key).nextDouble();
    }
}
