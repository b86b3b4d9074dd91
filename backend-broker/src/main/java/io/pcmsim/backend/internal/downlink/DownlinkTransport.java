package io.pcmsim.backend.internal.downlink;

import java.util.concurrent.CompletableFuture;

/** Where downlinks leave the backend: its MQTT session. */
@FunctionalInterface
public interface DownlinkTransport {

    /**
     * Publishes with QoS 1, not retained.
     *
     * @return completes when the broker acknowledged the publish; exceptionally when it refused it or
     *         the session is not connected
     */
    CompletableFuture<Void> publish(String topic, byte[] payload);
}
