package io.pcmsim.vehicle.testing;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An embedded HiveMQ extension for tests: an authorizer that refuses publishes to one topic (every other
 * publish is allowed) and a handle to drop a client's connection as a network fault would, Last Will
 * included.
 */
public final class BrokerControl implements ExtensionMain {

    private volatile @Nullable String refusedTopic;
    private volatile @Nullable ClientService clients;
    private final AtomicInteger refusals = new AtomicInteger();

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        clients = Services.clientService();
        PublishAuthorizer authorizer = (in, out) -> {
            if (in.getPublishPacket().getTopic().equals(refusedTopic)) {
                refusals.incrementAndGet();
                out.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "refused by the test");
            } else {
                out.authorizeSuccessfully();
            }
        };
        Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing to release
    }

    /** Refuses every later publish to {@code topic} with NOT_AUTHORIZED (MQTT 3.1.1: the connection closes). */
    public void refuse(@Nullable String topic) {
        this.refusedTopic = topic;
    }

    /** Publishes refused so far. */
    public int refusals() {
        return refusals.get();
    }

    /** Whether a client with {@code clientId} is connected to the broker now. */
    public boolean connected(String clientId) {
        ClientService service = clients;
        if (service == null) {
            throw new IllegalStateException("broker extension not started");
        }
        return service.isClientConnected(clientId).join();
    }

    /** Closes {@code clientId}'s connection from the broker side and publishes its Last Will. */
    public CompletableFuture<Boolean> dropWithWill(String clientId) {
        ClientService service = clients;
        if (service == null) {
            throw new IllegalStateException("broker extension not started");
        }
        return service.disconnectClient(clientId, false); // false: do not prevent the Last Will
    }
}
