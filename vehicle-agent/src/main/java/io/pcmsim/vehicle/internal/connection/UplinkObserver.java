package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkHeader;

/** Told of what the car's connection does with messages, up and down; all methods have no-op defaults. */
public interface UplinkObserver {

    /** The {@link #refused} reason of a message that went unacknowledged in every attempt it had. */
    String UNACKNOWLEDGED = UplinkChannel.UNACKNOWLEDGED;

    /** A message passed the gate and was handed to the broker connection with {@code header}. */
    default void sent(Service service, String topic, UplinkHeader header) {
    }

    /**
     * As {@link #sent(Service, String, UplinkHeader)}, with the message as sent (its {@code payload}, an
     * encoded {@code UplinkEnvelope} with the header set; decode it only when needed, it is on every
     * send's path); called instead of it, and by default calls it.
     */
    default void sent(Service service, String topic, UplinkHeader header, byte[] payload) {
        sent(service, topic, header);
    }

    /** The broker acknowledged a message of {@code service}. */
    default void acknowledged(Service service) {
    }

    /**
     * The broker acknowledged a message of {@code service}, {@code latencyNanos} after it was handed to
     * the MQTT client. Called instead of {@link #acknowledged(Service)}; by default calls it.
     */
    default void acknowledged(Service service, long latencyNanos) {
        acknowledged(service);
    }

    /** The car's MQTT connection is up; {@code first}: its first connection since it started. */
    default void connected(boolean first) {
    }

    /**
     * The car's MQTT connection went down, or a connect attempt failed, without the car asking for it
     * ({@code cause} says why); the car tries again.
     */
    default void connectionLost(Throwable cause) {
    }

    /** A publish of {@code service} failed (lost with the connection or refused). */
    default void failed(Service service, Throwable cause) {
    }

    /**
     * A message of {@code service} was given up: the broker refused it ({@code reason} is the PUBACK
     * reason code, e.g. {@code NOT_AUTHORIZED}) or it went unacknowledged in
     * {@link UplinkChannel#MAX_ATTEMPTS} attempts ({@code reason} {@link UplinkChannel#UNACKNOWLEDGED}).
     */
    default void refused(Service service, String reason) {
    }

    /** A downlink of {@code service} arrived and was handed to the car's service. */
    default void downlinkReceived(Service service) {
    }

    /** A downlink was dropped: its topic, payload or content was unusable ({@code reason} says why). */
    default void malformedDownlink(String reason) {
    }

    /** The gate refused a message of {@code service}. */
    default void suppressed(Service service) {
    }

    /** The full outbox pushed out its oldest message. */
    default void droppedOutboxFull(Service service) {
    }

    /** {@code count} buffered, unsent messages were discarded because their service was switched off. */
    default void discardedBySettings(int count) {
    }
}
