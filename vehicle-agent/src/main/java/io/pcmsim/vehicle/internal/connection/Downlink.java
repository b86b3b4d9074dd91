package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.MalformedPayloadException;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.util.Objects;

/**
 * A downlink that arrived for this car, checked: its topic is {@code pcm/v1/vehicles/{vin}/down/{level}}
 * of this car, the level names a service, the payload is a {@link DownlinkEnvelope} whose body belongs on
 * that level and whose header names this car.
 *
 * @param service the service whose level it arrived on
 */
public record Downlink(Service service, DownlinkEnvelope envelope) {

    public Downlink {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(envelope, "envelope");
    }

    /**
     * Checks what arrived on {@code topic}.
     *
     * @throws IllegalArgumentException naming the topic and what is wrong with it or its payload
     */
    static Downlink parse(Vin vin, String topic, byte[] payload) {
        Topics.DownlinkTopic parsed = Topics.parseDownlink(topic)
                .filter(t -> t.vinText().equals(vin.value()))
                .orElseThrow(() -> new IllegalArgumentException("topic [" + topic + "] is not a downlink topic of "
                        + vin + " (pcm/v1/vehicles/" + vin + "/down/{level})"));
        Service service = Service.fromDownlinkLevel(parsed.level())
                .orElseThrow(() -> new IllegalArgumentException("downlink level [" + parsed.level() + "] on "
                        + topic + " names no service"));
        DownlinkEnvelope envelope;
        try {
            envelope = DownlinkCodec.parse(payload);
        } catch (MalformedPayloadException e) {
            throw new IllegalArgumentException("downlink on " + topic + ": " + e.getMessage(), e);
        }
        if (envelope.getBodyCase() == DownlinkEnvelope.BodyCase.BODY_NOT_SET) {
            throw new IllegalArgumentException("downlink on " + topic + " has no body");
        }
        Service owner = DownlinkCodec.serviceOf(envelope.getBodyCase());
        if (owner != service) {
            throw new IllegalArgumentException("downlink body " + envelope.getBodyCase() + " belongs on down/"
                    + owner.downlinkLevel() + ", arrived on " + topic);
        }
        if (!envelope.getHeader().getVin().equals(vin.value())) {
            throw new IllegalArgumentException("downlink on " + topic + " names VIN [" + envelope.getHeader().getVin()
                    + "], expected " + vin);
        }
        return new Downlink(service, envelope);
    }
}
