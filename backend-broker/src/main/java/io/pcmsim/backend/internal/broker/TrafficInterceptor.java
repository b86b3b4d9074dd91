package io.pcmsim.backend.internal.broker;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.pcmsim.backend.broker.BrokerTrafficListener;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports every inbound PUBLISH to a {@link BrokerTrafficListener}. Keeps the extension SDK types inside
 * this package; installed through {@link BrokerExtension}.
 */
final class TrafficInterceptor implements PublishInboundInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficInterceptor.class);

    private final BrokerTrafficListener listener;

    TrafficInterceptor(BrokerTrafficListener listener) {
        this.listener = listener;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        String clientId = input.getClientInformation().getClientId();
        PublishPacket packet = input.getPublishPacket();
        int bytes = packet.getPayload().map(ByteBuffer::remaining).orElse(0);
        try {
            listener.onPublish(clientId, packet.getTopic(), bytes);
        } catch (RuntimeException e) {
            LOG.warn("traffic listener failed on a publish of client {} to {}", clientId, packet.getTopic(), e);
        }
    }
}
