package io.pcmsim.vehicle.testing;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An embedded HiveMQ extension for tests: an authorizer that refuses publishes to one topic (every other
 * publish is allowed), an authenticator that counts every CONNECT per client id and refuses those of
 * blocked clients (and, when asked, those without the expected credentials), and a handle to drop a client's connection as a network fault would, Last Will
 * included.
 */
public final class BrokerControl implements ExtensionMain {

    private volatile @Nullable String refusedTopic;
    private volatile @Nullable ClientService clients;
    private final AtomicInteger refusals = new AtomicInteger();
    private final Queue<byte[]> refused = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> connects = new ConcurrentHashMap<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Function<String, String> passwordOf;

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        clients = Services.clientService();
        PublishAuthorizer authorizer = (in, out) -> {
            if (in.getPublishPacket().getTopic().equals(refusedTopic)) {
                refusals.incrementAndGet();
                in.getPublishPacket().getPayload().ifPresent(payload -> {
                    byte[] bytes = new byte[payload.remaining()];
                    payload.duplicate().get(bytes);
                    refused.add(bytes);
                });
                out.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "refused by the test");
            } else {
                out.authorizeSuccessfully();
            }
        };
        Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
        SimpleAuthenticator authenticator = (in, out) -> {
            String clientId = in.getConnectPacket().getClientId();
            connects.computeIfAbsent(clientId, id -> new AtomicInteger()).incrementAndGet();
            Function<String, String> passwords = passwordOf;
            if (blocked.contains(clientId)) {
                out.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "blocked by the test");
            } else if (passwords != null && !(in.getConnectPacket().getUserName().orElse("").equals(clientId)
                    && in.getConnectPacket().getPassword().map(BrokerControl::text).orElse("")
                            .equals(passwords.apply(clientId)))) {
                out.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong credentials");
            } else {
                out.authenticateSuccessfully();
            }
        };
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing to release
    }

    /**
     * Refuses every later publish to {@code topic} with NOT_AUTHORIZED (MQTT 3.1.1: the connection closes)
     * and forgets the payloads refused before.
     */
    public void refuse(@Nullable String topic) {
        this.refusedTopic = topic;
        refused.clear();
    }

    /** Refuses every later CONNECT of {@code clientId} (NOT_AUTHORIZED) until {@link #unblockAll()}. */
    public void block(String clientId) {
        blocked.add(clientId);
    }

    /**
     * Accepts a CONNECT only with user name = client id and the password {@code passwordOf} gives for the
     * client id (BAD_USER_NAME_OR_PASSWORD otherwise); null accepts every client again.
     */
    public void requireCredentials(@Nullable Function<String, String> passwordOf) {
        this.passwordOf = passwordOf;
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    /** Accepts every client's CONNECT again. */
    public void unblockAll() {
        blocked.clear();
    }

    /** CONNECT packets from {@code clientId} that reached the broker so far, accepted or refused. */
    public int connects(String clientId) {
        AtomicInteger count = connects.get(clientId);
        return count == null ? 0 : count.get();
    }

    /** The payloads of the publishes refused so far, in order. */
    public List<byte[]> refusedPayloads() {
        return List.copyOf(refused);
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
