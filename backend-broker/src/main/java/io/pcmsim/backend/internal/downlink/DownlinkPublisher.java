package io.pcmsim.backend.internal.downlink;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a {@link DownlinkEnvelope} to one car on {@code pcm/v1/vehicles/{vin}/down/{level}} (QoS 1, the
 * level named by the body's service, {@link DownlinkCodec#serviceOf}),
 * after filling its header: the VIN, a fresh message id, the backend's clock, the schema version.
 * Thread-safe; never blocks.
 */
public final class DownlinkPublisher {

    private final DownlinkTransport transport;
    private final Clock clock;

    public DownlinkPublisher(DownlinkTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    /**
     * Sends {@code body} (an envelope with its body set; its header is replaced) to {@code vin} on the
     * downlink level of the service the body belongs to ({@code down/session} for a rebirth request).
     *
     * @return the message id, once the broker acknowledged the publish
     * @throws IllegalArgumentException when no body is set
     */
    public CompletableFuture<String> send(Vin vin, DownlinkEnvelope.Builder body) {
        Service service = DownlinkCodec.serviceOf(body.getBodyCase());
        String messageId = UUID.randomUUID().toString();
        DownlinkEnvelope envelope = body.setHeader(DownlinkCodec.header(vin, messageId, clock.instant())).build();
        return transport.publish(Topics.downlink(vin, service), envelope.toByteArray()).thenApply(v -> messageId);
    }
}
