package io.pcmsim.backend.internal.ingest;

import io.pcmsim.backend.internal.downlink.DownlinkTransport;
import java.util.concurrent.CompletableFuture;

/**
 * Where the backend's uplinks come from and its downlinks leave: an MQTT session with a broker
 * ({@link MqttUplinkSource}) or the embedded broker of the same process ({@link InProcessUplinkSource}).
 * Either puts each uplink into the writer's queue as an {@link InboundMessage} whose acknowledgement
 * reaches the car's broker only when the writer calls it, after the commit.
 */
public interface UplinkSource extends DownlinkTransport {

    /** Starts taking uplinks; completes when they flow, exceptionally when the broker cannot be used. */
    CompletableFuture<Void> start();

    /** Stops taking new uplinks; what arrives later is left for the next backend. */
    void stopConsuming();

    /**
     * Ends the source after the writer drained: what it took and did not acknowledge goes back to the
     * broker or the car, to be sent again. Idempotent.
     */
    CompletableFuture<Void> disconnect();
}
