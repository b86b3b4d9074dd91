package io.pcmsim.tools.bench;

import java.util.Optional;

/** One measurement: how many arrived of how many, and the time from the first publish to the last arrival. */
record IngestMeasurement(long expected, long arrived, long refused, long nanos) {

    double rate() {
        return arrived == 0 || nanos <= 0 ? 0 : arrived / (nanos / 1e9);
    }

    /** E.g. "50,000 of 50,000 stored in 6.12 s: 8,170 msg/s". */
    String describe(String verb) {
        return String.format("%,d of %,d %s in %.2f s: %,.0f msg/s", arrived, expected, verb, nanos / 1e9, rate());
    }

    Optional<String> loss(String who) {
        if (arrived == expected && refused == 0) {
            return Optional.empty();
        }
        return Optional.of(who + " got " + arrived + " of " + expected + " messages"
                + (refused > 0 ? " (" + refused + " publishes refused or failed)" : ""));
    }
}
