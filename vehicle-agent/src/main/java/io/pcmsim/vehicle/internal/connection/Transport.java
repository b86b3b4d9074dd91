package io.pcmsim.vehicle.internal.connection;

import java.util.concurrent.CompletableFuture;

/** Publishes bytes to the broker at QoS 1. */
@FunctionalInterface
interface Transport {

    /**
     * Publishes at QoS 1 without blocking; the future completes when the broker acknowledged (PUBACK) and
     * fails when the publish failed. Completion may happen on any thread.
     */
    CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain);
}
