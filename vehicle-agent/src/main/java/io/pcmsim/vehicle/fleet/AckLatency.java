package io.pcmsim.vehicle.fleet;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Publish acknowledgement latencies of a fleet: for each uplink message, the time from handing it to
 * the car's MQTT client to the broker's PUBACK, recorded in an HdrHistogram (microseconds, three
 * significant digits; anything above an hour counts as an hour). Immutable: a snapshot.
 */
public final class AckLatency {

    /** The longest latency told apart, in microseconds; longer ones are recorded as this. */
    public static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram;

    /** @param histogram taken over, not copied: the caller must not change it afterwards */
    AckLatency(Histogram histogram) {
        this.histogram = histogram;
    }

    /** No latency recorded. */
    public static AckLatency empty() {
        return new AckLatency(newHistogram());
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Messages acknowledged. */
    public long count() {
        return histogram.getTotalCount();
    }

    /**
     * The latency at {@code percentile} (0 to 100, e.g. 99.9), in microseconds; 0 when nothing was
     * recorded.
     */
    public long percentileMicros(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be 0 to 100, was " + percentile);
        }
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
    }

    /** The longest latency recorded, in microseconds; 0 when nothing was recorded. */
    public long maxMicros() {
        return count() == 0 ? 0 : histogram.getMaxValue();
    }

    /** The mean latency, in microseconds; 0 when nothing was recorded. */
    public double meanMicros() {
        return count() == 0 ? 0 : histogram.getMean();
    }

    /**
     * What was recorded after {@code earlier}, a snapshot of the same fleet taken before this one: e.g.
     * the latencies of the last second.
     */
    public AckLatency since(AckLatency earlier) {
        Histogram difference = histogram.copy();
        difference.subtract(earlier.histogram);
        return new AckLatency(difference);
    }

    @Override
    public String toString() {
        return String.format("AckLatency[count=%d, p50=%d us, p99=%d us, max=%d us]", count(), percentileMicros(50),
                percentileMicros(99), maxMicros());
    }
}
