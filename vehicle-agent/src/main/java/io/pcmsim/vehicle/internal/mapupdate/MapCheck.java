package io.pcmsim.vehicle.internal.mapupdate;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.pcmsim.proto.v1.MapPackageChunk;
import io.pcmsim.proto.v1.MapUpdateInstalled;
import io.pcmsim.proto.v1.MapVersion;
import io.pcmsim.proto.v1.MapVersionAnswer;
import io.pcmsim.proto.v1.MapVersionQuery;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.MapMessages;
import io.pcmsim.protocol.Topics;
import io.pcmsim.vehicle.model.InstalledVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One map version check of one car, at a vehicle start: opens its {@link MapConnection}, sends the query (key
 * and installed versions only), receives the answer and, per region with a newer map, its package in chunks;
 * installs each complete package, reports it installed, and closes the connection when nothing is left to
 * receive (or when {@link #finish} is called, e.g. on a timeout or a settings change).
 *
 * <p>Confined to the car's lane: the connection's callbacks are handed to {@code lane}.
 */
final class MapCheck {

    private static final Logger LOG = LoggerFactory.getLogger(MapCheck.class);

    private final AnonymousMapKey key;
    private final InstalledMaps maps;
    private final MapConnection connection;
    private final Consumer<Runnable> lane;
    private final String requestId = UUID.randomUUID().toString();
    /** Region to the version the answer offered, until it is installed. */
    private final Map<String, String> expected = new HashMap<>();
    /** Packages by region and version, as their chunks arrive (before or after the answer). */
    private final Map<String, PackageAssembly> received = new HashMap<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private boolean answered;
    private int installing;
    private boolean finished;

    MapCheck(AnonymousMapKey key, InstalledMaps maps, MapConnection connection, Consumer<Runnable> lane) {
        this.key = key;
        this.maps = maps;
        this.connection = connection;
        this.lane = lane;
    }

    /** Starts the check; the future completes when the connection is closed again. */
    CompletableFuture<Void> start() {
        MapVersionQuery.Builder query = MapVersionQuery.newBuilder().setAnonymousKey(key.value()).setRequestId(requestId);
        for (InstalledVersion map : maps.current()) {
            query.addInstalled(MapVersion.newBuilder().setRegion(map.name()).setVersion(map.version()));
        }
        MapVersionQuery message = query.build();
        MapMessages.check(message);
        connection.open(Topics.map(key, "answer"), Topics.map(key, "package"),
                        (topic, payload) -> lane.accept(() -> arrived(topic, payload)))
                .thenCompose(v -> connection.publish(Topics.map(key, "query"), message.toByteArray()))
                .whenComplete((v, error) -> lane.accept(() -> {
                    if (error != null) {
                        LOG.debug("map check failed: {}", error.toString());
                        finish();
                    } else if (finished) {
                        connection.close();
                    }
                }));
        return done;
    }

    private void arrived(String topic, byte[] payload) {
        if (finished) {
            return;
        }
        try {
            if (topic.endsWith("/answer")) {
                answer(checked(MapVersionAnswer.parseFrom(payload)));
            } else if (topic.endsWith("/package")) {
                chunk(checked(MapPackageChunk.parseFrom(payload)));
            }
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            LOG.info("map message on {} dropped: {}", topic, e.getMessage());
        }
    }

    private static <T extends Message> T checked(T message) {
        MapMessages.check(message);
        return message;
    }

    private void answer(MapVersionAnswer answer) {
        if (answered || !answer.getRequestId().equals(requestId)) {
            return;
        }
        answered = true;
        for (MapVersionAnswer.RegionAnswer region : answer.getRegionsList()) {
            if (region.getUpdateAvailable()) {
                expected.put(region.getRegion(), region.getLatestVersion());
            }
        }
        // chunks may overtake the answer (another subscription): a package may be complete already
        List.copyOf(expected.keySet()).forEach(this::installWhenComplete);
        if (expected.isEmpty() && installing == 0) {
            finish();
        }
    }

    private void chunk(MapPackageChunk chunk) {
        PackageAssembly assembly = received.computeIfAbsent(chunk.getRegion() + " " + chunk.getVersion(),
                k -> new PackageAssembly(chunk.getRegion(), chunk.getVersion()));
        if (assembly.accept(chunk) && answered) {
            installWhenComplete(chunk.getRegion());
        }
    }

    private void installWhenComplete(String region) {
        String version = expected.get(region);
        PackageAssembly assembly = version == null ? null : received.get(region + " " + version);
        if (assembly == null || !assembly.complete()) {
            return;
        }
        expected.remove(region);
        maps.install(region, version);
        MapUpdateInstalled installed = MapUpdateInstalled.newBuilder().setAnonymousKey(key.value())
                .setRegion(region).setVersion(version).setRequestId(requestId).build();
        MapMessages.check(installed);
        installing++;
        connection.publish(Topics.map(key, "installed"), installed.toByteArray())
                .whenComplete((v, error) -> lane.accept(() -> {
                    installing--;
                    if (expected.isEmpty() && installing == 0) {
                        finish();
                    }
                }));
    }

    /** Ends the check now: closes the connection; idempotent. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        connection.close().whenComplete((v, e) -> done.complete(null));
    }

    /** Completes when the check has ended and its connection let go. */
    CompletableFuture<Void> done() {
        return done;
    }

    /** Whether the check has ended. */
    boolean finished() {
        return finished;
    }
}
