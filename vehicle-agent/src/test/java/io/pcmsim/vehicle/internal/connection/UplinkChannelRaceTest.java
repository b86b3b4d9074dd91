package io.pcmsim.vehicle.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.internal.SharedExecutors;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The privacy race with real threads: the vehicle's lane from {@link SharedExecutors} and a "network"
 * thread that completes publishes, as the MQTT client does.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UplinkChannelRaceTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS123456");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final SharedExecutors executors = SharedExecutors.create("race-test", 1, 1);
    private final ExecutorService lane = executors.laneFor(VIN);
    private final ExecutorService network = Executors.newSingleThreadExecutor();
    private final List<String> sent = new CopyOnWriteArrayList<>();

    /** Publishes complete only when the test fails them, on the network thread. */
    private final class NetworkTransport implements Transport {
        final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        private final String name;

        NetworkTransport(String name) {
            this.name = name;
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
            sent.add(name + " " + topic);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            pending.add(ack);
            return ack;
        }

        CompletableFuture<Void> loseConnection() {
            return CompletableFuture.runAsync(() -> pending.forEach(
                    ack -> ack.completeExceptionally(new IllegalStateException("connection closed"))), network);
        }
    }

    @AfterEach
    void stopThreads() {
        network.shutdownNow();
        executors.shutdown(Duration.ofSeconds(5));
    }

    private <T> T onLane(java.util.function.Supplier<T> task) throws Exception {
        return CompletableFuture.supplyAsync(task, lane).get(5, TimeUnit.SECONDS);
    }

    private static UplinkEnvelope report() {
        return UplinkEnvelope.newBuilder().setSmartService(
                SmartServiceReport.newBuilder().setTrigger(SmartServiceReport.Trigger.PERIODIC)).build();
    }

    @Test
    void publishInFlight_privacyModeOnAndOffWhileTheConnectionIsLost_isNeverSentAgain() throws Exception {
        for (int round = 0; round < 25; round++) {
            sent.clear();
            UplinkChannel channel = new UplinkChannel(VIN, DriverSettings.defaults(), 10, new UplinkObserver() {
            }, lane);
            NetworkTransport first = new NetworkTransport("first");
            onLane(() -> {
                channel.connected(first, 1);
                return channel.submit(Service.SMART_SERVICE, report(), T0);
            });
            CompletableFuture<Void> settled = onLane(() -> {
                channel.apply(DriverSettings.defaults().withPrivacyMode(true));
                return channel.settled();
            });
            // Privacy mode ends on the lane while the network thread fails the in-flight publish; in the
            // even rounds the end comes first, in the odd ones they race.
            CompletableFuture<DriverSettings> off = CompletableFuture.supplyAsync(
                    () -> channel.apply(DriverSettings.defaults()).after(), lane);
            if (round % 2 == 0) {
                off.get(5, TimeUnit.SECONDS);
            }
            first.loseConnection().get(5, TimeUnit.SECONDS);
            settled.get(5, TimeUnit.SECONDS);
            off.get(5, TimeUnit.SECONDS);
            NetworkTransport second = new NetworkTransport("second");
            onLane(() -> {
                channel.disconnected();
                channel.connected(second, 2);
                channel.drainOutbox();
                return null;
            });
            onLane(() -> null); // every retry handed to the lane has run

            assertThat(sent).as("round %d: only the first attempt, before privacy mode", round)
                    .containsExactly("first pcm/v1/vehicles/" + VIN + "/up/smart-service");
        }
    }
}
