package io.pcmsim.tools.traffic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One MQTT message as it crossed the broker: when it was received, where it went, how, and its bytes.
 *
 * @param timeMicros when the recorder (or tap) received it from the broker, microseconds since the epoch
 * @param qos the QoS it was delivered with, 0 to 2
 * @param retain whether it was published retained
 * @param payload the raw payload; not copied, do not change it
 */
public record TrafficMessage(long timeMicros, String topic, int qos, boolean retain, byte[] payload) {

    public TrafficMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
    }

    /** The receive time as an instant. */
    public Instant time() {
        return Instant.EPOCH.plus(timeMicros, ChronoUnit.MICROS);
    }

    /** Microseconds since the epoch of {@code instant} (sub-microsecond digits cut off). */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }
}
