package io.pcmsim.backend.internal.downlink;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.DownlinkHeader;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.Vin;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a {@link DownlinkEnvelope} to one car on {@code pcm/v1/vehicles/{vin}/down/{level}} (QoS 1),
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
     * downlink topic of {@code service}.
     *
     * @return the message id, once the broker acknowledged the publish
     */
    public CompletableFuture<String> send(Vin vin, Service service, DownlinkEnvelope.Builder body) {
        String messageId = UUID.randomUUID().toString();
        DownlinkEnvelope envelope = body.setHeader(DownlinkHeader.newBuilder()
                        .setVin(vin.value())
                        .setMessageId(messageId)
                        .setBackendTimeMs(clock.millis())
                        .setSchemaVersion(UplinkCodec.SCHEMA_VERSION))
                .build();
        return transport.publish(Topics.downlink(vin, service.topicName()), envelope.toByteArray())
                .thenApply(v -> messageId);
    }
}
