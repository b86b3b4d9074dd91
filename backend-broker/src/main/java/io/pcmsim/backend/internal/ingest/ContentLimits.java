package io.pcmsim.backend.internal.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * What an uplink message may contain before the backend stores it. The limits are generic (they hold
 * for every field of every body) and chosen so that whatever passes them fits the store's columns; a
 * message beyond them is rejected before it reaches a transaction.
 *
 * @param maxPayloadBytes largest payload, bytes
 * @param maxStringChars longest text field, characters
 * @param maxListElements most elements of a repeated field
 * @param maxAbsDouble largest magnitude of a floating-point field
 * @param maxAbsInteger largest magnitude of an integer field (covers epoch milliseconds)
 * @param vehicleTimeBehind how far the header's vehicle time may lie before the backend's clock
 * @param vehicleTimeAhead how far the header's vehicle time may lie after the backend's clock
 */
public record ContentLimits(int maxPayloadBytes, int maxStringChars, int maxListElements, double maxAbsDouble,
                            long maxAbsInteger, Duration vehicleTimeBehind, Duration vehicleTimeAhead) {

    public ContentLimits {
        Objects.requireNonNull(vehicleTimeBehind, "vehicleTimeBehind");
        Objects.requireNonNull(vehicleTimeAhead, "vehicleTimeAhead");
        if (vehicleTimeBehind.isNegative() || vehicleTimeAhead.isNegative()) {
            throw new IllegalArgumentException("vehicle time window must not be negative, was "
                    + vehicleTimeBehind + " behind, " + vehicleTimeAhead + " ahead");
        }
    }

    /**
     * 64 KiB payloads, 64-character strings, 100-element lists, |double| up to 1e9, |integer| up to 1e15
     * (epoch milliseconds fit), with the given vehicle time window.
     */
    public static ContentLimits withTimeWindow(Duration behind, Duration ahead) {
        return new ContentLimits(64 * 1024, 64, 100, 1e9, 1_000_000_000_000_000L, behind, ahead);
    }
}
