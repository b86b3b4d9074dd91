package io.pcmsim.backend.internal.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.pcmsim.backend.broker.BrokerTrafficListener;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded HiveMQ extension that reports every inbound PUBLISH to a {@link BrokerTrafficListener}.
 * Keeps the extension SDK types inside this package; installed through {@link BrokerExtension}.
 */
final class TrafficExtension implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficExtension.class);

    private final BrokerTrafficListener listener;

    TrafficExtension(BrokerTrafficListener listener) {
        this.listener = listener;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        PublishInboundInterceptor interceptor = (in, out) -> report(
                in.getClientInformation().getClientId(), in.getPublishPacket());
        Services.initializerRegistry().setClientInitializer(
                (initializerInput, clientContext) -> clientContext.addPublishInboundInterceptor(interceptor));
    }

    private void report(String clientId, PublishPacket packet) {
        int bytes = packet.getPayload().map(ByteBuffer::remaining).orElse(0);
        try {
            listener.onPublish(clientId, packet.getTopic(), bytes);
        } catch (RuntimeException e) {
            LOG.warn("traffic listener failed on a publish of client {} to {}", clientId, packet.getTopic(), e);
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing to release: the interceptors go away with the broker
    }
}
