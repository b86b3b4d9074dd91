package io.pcmsim.vehicle.internal.service;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * What one service of the car sends through: its own uplink topic, behind the privacy gate. Use on the
 * vehicle's lane.
 */
public interface ServiceChannel {

    /** The service whose topic this channel sends on. */
    Service service();

    /**
     * Submits {@code body} produced at vehicle time {@code producedAt}: dropped and counted when the gate
     * refuses it, queued while offline, else published.
     *
     * @return settles when the broker acknowledged or the publish failed; complete when refused or queued
     * @throws IllegalArgumentException when {@code body} does not belong on this service's topic
     */
    CompletableFuture<Void> send(UplinkEnvelope body, Instant producedAt);

    /** Whether the settings let this service transmit now. */
    boolean allowed();

    /** Whether the car is connected and its session has started. */
    boolean online();

    /** The driver settings in force. */
    DriverSettings settings();
}
