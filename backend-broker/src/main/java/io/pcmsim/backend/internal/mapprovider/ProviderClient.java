package io.pcmsim.backend.internal.mapprovider;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pcmsim.backend.mapprovider.MapProviderConfig;
import io.pcmsim.backend.mapprovider.MapProviderEvents;
import io.pcmsim.backend.mapprovider.MapRelease;
import io.pcmsim.backend.mapprovider.MapTransfer;
import io.pcmsim.proto.v1.MapPackageChunk;
import io.pcmsim.proto.v1.MapUpdateInstalled;
import io.pcmsim.proto.v1.MapVersion;
import io.pcmsim.proto.v1.MapVersionAnswer;
import io.pcmsim.proto.v1.MapVersionQuery;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.MapMessages;
import io.pcmsim.protocol.Topics;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's MQTT connection and its handling of queries and installs. Messages are handed from the
 * client's threads to one thread of the provider; a malformed message is counted and dropped, naming what
 * was wrong in the log.
 */
public final class ProviderClient {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderClient.class);

    private final MapProviderConfig config;
    private final Catalogue catalogue;
    private final KeyTable keys;
    private final TransferLog transfers;
    private final MapProviderEvents events;
    private final Mqtt5AsyncClient client;
    private final ExecutorService worker;
    private final AtomicLong malformed = new AtomicLong();
    private final Object lock = new Object();
    private @Nullable CompletableFuture<Void> started;
    private @Nullable CompletableFuture<Void> stopped;

    public ProviderClient(MapProviderConfig config, Catalogue catalogue, KeyTable keys, TransferLog transfers,
            MapProviderEvents events) {
        this.config = config;
        this.catalogue = catalogue;
        this.keys = keys;
        this.transfers = transfers;
        this.events = events;
        this.client = MqttClient.builder().identifier(config.clientId()).serverHost(config.brokerHost())
                .serverPort(config.brokerPort()).automaticReconnectWithDefaultConfig().useMqttVersion5().buildAsync();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pcmsim-map-provider");
            t.setDaemon(true);
            return t;
        });
    }

    public CompletableFuture<Void> start() {
        synchronized (lock) {
            if (stopped != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("the map provider was stopped"));
            }
            if (started == null) {
                started = client.connectWith().cleanStart(true).noSessionExpiry().send()
                        .thenCompose(ack -> client.subscribeWith()
                                .addSubscription().topicFilter(Topics.MAPS_ROOT + "+/query").qos(MqttQos.AT_LEAST_ONCE)
                                .applySubscription()
                                .addSubscription().topicFilter(Topics.MAPS_ROOT + "+/installed")
                                .qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                                .callback(p -> hand(p.getTopic().toString(), p.getPayloadAsBytes()))
                                .send())
                        .thenAccept(ack -> {
                            if (ack.getReasonCodes().stream().anyMatch(code -> code.isError())) {
                                throw new IllegalStateException("the broker refused the map provider's"
                                        + " subscriptions: " + ack.getReasonCodes());
                            }
                            LOG.info("map provider {} connected to {}:{}", config.clientId(), config.brokerHost(),
                                    config.brokerPort());
                        });
            }
            return started.copy();
        }
    }

    public CompletableFuture<Void> stop() {
        synchronized (lock) {
            if (stopped == null) {
                CompletableFuture<Void> afterStart = started == null ? CompletableFuture.completedFuture(null)
                        : started.handle((v, e) -> null);
                stopped = afterStart.thenCompose(v -> client.getState().isConnectedOrReconnect()
                                ? client.disconnect().handle((d, e) -> (Void) null)
                                : CompletableFuture.<Void>completedFuture(null))
                        .thenRun(worker::shutdown);
            }
            return stopped.copy();
        }
    }

    /** Messages dropped as malformed since start. */
    public long malformed() {
        return malformed.get();
    }

    private void hand(String topic, byte[] payload) {
        try {
            worker.execute(() -> handle(topic, payload));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("map provider stopping, {} dropped", topic);
        }
    }

    private void handle(String topic, byte[] payload) {
        String[] levels = topic.split("/", -1);
        if (levels.length != 4 || !AnonymousMapKey.isValid(levels[2])) {
            drop(topic, "the topic is not maps/v1/{key}/{kind}");
            return;
        }
        AnonymousMapKey key = new AnonymousMapKey(levels[2]);
        try {
            if ("query".equals(levels[3])) {
                MapVersionQuery query = MapVersionQuery.parseFrom(payload);
                MapMessages.check(query);
                requireKey(query.getAnonymousKey(), key);
                answer(key, query);
            } else if ("installed".equals(levels[3])) {
                MapUpdateInstalled installed = MapUpdateInstalled.parseFrom(payload);
                MapMessages.check(installed);
                requireKey(installed.getAnonymousKey(), key);
                installed(key, installed);
            }
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            drop(topic, e.getMessage());
        }
    }

    private static void requireKey(String inMessage, AnonymousMapKey inTopic) {
        if (!inMessage.equals(inTopic.value())) {
            throw new IllegalArgumentException("anonymous_key [" + inMessage + "] differs from the topic's key");
        }
    }

    private void drop(String topic, String why) {
        malformed.incrementAndGet();
        LOG.info("map message on {} dropped: {}", topic, why);
    }

    private void answer(AnonymousMapKey key, MapVersionQuery query) {
        if (!keys.registered(key)) {
            LOG.debug("query with an unregistered key not answered");
            return;
        }
        events.checked(key);
        MapVersionAnswer.Builder answer = MapVersionAnswer.newBuilder().setRequestId(query.getRequestId());
        java.util.List<MapRelease> offers = new java.util.ArrayList<>();
        for (MapVersion installed : query.getInstalledList()) {
            Optional<MapRelease> latest = catalogue.latest(installed.getRegion());
            if (latest.isEmpty()) {
                continue;
            }
            MapRelease release = latest.get();
            boolean newer = release.newerThan(installed.getVersion());
            answer.addRegions(MapVersionAnswer.RegionAnswer.newBuilder().setRegion(release.region())
                    .setLatestVersion(release.version()).setUpdateAvailable(newer)
                    .setPackageSizeBytes(newer ? release.sizeBytes() : 0));
            if (newer) {
                offers.add(release);
            }
        }
        publish(Topics.map(key, "answer"), answer.build());
        for (MapRelease release : offers) {
            events.offered(key, release);
            sendPackage(key, release);
        }
    }

    private void sendPackage(AnonymousMapKey key, MapRelease release) {
        int count = (int) ((release.sizeBytes() + config.chunkBytes() - 1) / config.chunkBytes());
        for (int i = 0; i < count; i++) {
            int size = (int) Math.min(config.chunkBytes(), release.sizeBytes() - (long) i * config.chunkBytes());
            publish(Topics.map(key, "package"), MapPackageChunk.newBuilder().setRegion(release.region())
                    .setVersion(release.version()).setIndex(i).setCount(count)
                    .setData(PackageBytes.chunk(release, i, size)).build());
        }
    }

    private void installed(AnonymousMapKey key, MapUpdateInstalled installed) {
        if (!keys.registered(key)) {
            return;
        }
        MapTransfer transfer = new MapTransfer(key, installed.getRegion(), installed.getVersion(),
                config.clock().instant());
        transfers.add(transfer);
        events.transferred(transfer);
    }

    private void publish(String topic, com.google.protobuf.Message message) {
        MapMessages.check(message);
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(message.toByteArray()).send()
                .whenComplete((result, error) -> {
                    if (error != null) {
                        LOG.debug("map publish on {} failed: {}", topic, error.toString());
                    }
                });
    }

    /** Deterministic package content: what a real provider would stream from its files. */
    static final class PackageBytes {
        private PackageBytes() {
        }

        static ByteString chunk(MapRelease release, int index, int size) {
            byte[] bytes = new byte[size];
            long seed = (release.region() + release.version()).hashCode() * 31L + index;
            for (int i = 0; i < size; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                bytes[i] = (byte) (seed >>> 56);
            }
            return ByteString.copyFrom(bytes);
        }
    }
}
