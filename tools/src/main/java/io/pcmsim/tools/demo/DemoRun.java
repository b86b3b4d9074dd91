package io.pcmsim.tools.demo;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.BackendStats;
import io.pcmsim.backend.MaintenanceSummary;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import io.pcmsim.tools.cli.TemporaryFolder;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.FleetStats;
import io.pcmsim.vehicle.fleet.MqttVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One demo: embedded broker, backend and fleet in this process, privacy mode toggled for part of
 * the fleet, a status line once per second, and the result at the end. Everything it starts it
 * stops again, also when it fails.
 */
public final class DemoRun {

    private static final Duration STATUS_PERIOD = Duration.ofSeconds(1);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private final DemoOptions options;
    private final StatusLine status;
    private final Clock wall;

    DemoRun(DemoOptions options, StatusLine status, Clock wall) {
        this.options = options;
        this.status = status;
        this.wall = wall;
    }

    public DemoResult run() throws Exception {
        TemporaryFolder temporary = options.dataDir().isEmpty() ? TemporaryFolder.create("pcmsim-demo-") : null;
        Path dataDir = options.dataDir().orElseGet(() -> temporary.path());
        PrivacyWindows windows = new PrivacyWindows();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pcmsim-demo-ticker");
            t.setDaemon(true);
            return t;
        });
        EmbeddedBroker broker = EmbeddedBroker.builder()
                .port(options.port())
                .dataFolder(dataDir.resolve("broker"))
                .trafficListener((clientId, topic, bytes) -> windows.onPublish(clientId, topic))
                .build();
        Backend backend = null;
        Fleet fleet = null;
        try {
            broker.start().get(60, TimeUnit.SECONDS);
            SimulatedClock clock = SimulatedClock.startingAt(wall.instant(), options.speed(), wall);
            backend = Backend.create(BackendConfig.builder()
                    .brokerHost(broker.host())
                    .brokerPort(broker.port())
                    .dataDir(dataDir.resolve("backend"))
                    .clock(clock)
                    .build());
            backend.start().get(60, TimeUnit.SECONDS);

            fleet = Fleet.create(FleetConfig.builder()
                    .brokerHost(broker.host())
                    .brokerPort(broker.port())
                    .mqttVersion(options.mqttVersion() == 3 ? MqttVersion.MQTT_3_1_1 : MqttVersion.MQTT_5)
                    .vehicles(options.vehicles())
                    .seed(options.seed())
                    .clock(clock)
                    .wallClock(wall)
                    .reportInterval(options.reportInterval())
                    .build());
            Instant started = wall.instant();
            fleet.start().get(Math.max(60, options.vehicles() / 20), TimeUnit.SECONDS);

            List<EmulatedVehicle> privateCars = choosePrivateCars(fleet.vehicles());
            CompletableFuture<Void> done = new CompletableFuture<>();
            Backend runningBackend = backend;
            Fleet runningFleet = fleet;
            long periodMs = STATUS_PERIOD.toMillis();
            long[] lastCount = {0};
            ticker.scheduleAtFixedRate(() -> {
                long now = windows.uplinkPublishes();
                status.show(statusText(started, runningFleet.stats(), runningBackend,
                        (now - lastCount[0]) * 1000 / periodMs));
                lastCount[0] = now;
            }, periodMs, periodMs, TimeUnit.MILLISECONDS);

            long durationMs = options.duration().toMillis();
            if (!privateCars.isEmpty()) {
                CompletableFuture<Map<Vin, CompletableFuture<Void>>> opened = new CompletableFuture<>();
                ticker.schedule(() -> opened.complete(privacyOn(privateCars, windows)), durationMs / 4,
                        TimeUnit.MILLISECONDS);
                ticker.schedule(() -> privacyOff(privateCars, opened.join(), windows), durationMs * 3 / 4,
                        TimeUnit.MILLISECONDS);
            }
            ticker.schedule(() -> done.complete(null), durationMs, TimeUnit.MILLISECONDS);
            done.get();
            Duration real = Duration.between(started, wall.instant());
            Duration simulated = clock.toSimulated(real);

            fleet.stop().get(60, TimeUnit.SECONDS);
            ticker.shutdownNow();
            status.finish();
            awaitDrained(backend, windows);

            FleetStats fleetStats = fleet.stats();
            BackendStats stats = backend.stats();
            MaintenanceSummary needs = backend.maintenanceSummary();
            return new DemoResult(options.vehicles(), real, simulated, broker.port(),
                    byTopicName(fleetStats.published()), byTopicName(fleetStats.suppressed()),
                    windows.uplinkPublishes(), stats.stored(), stats.duplicates(), stats.rejectedByReason(),
                    needs.total(), needs.byComponent(), needs.bySeverity(),
                    windows.vehiclesEverPrivate(), windows.receivedWhilePrivate(), windows.offenders());
        } finally {
            ticker.shutdownNow();
            status.finish();
            if (fleet != null) {
                fleet.close();
            }
            if (backend != null) {
                backend.close();
            }
            broker.close();
            if (temporary != null) {
                temporary.close();
            }
        }
    }

    /** Counts by topic name; login and smart-service always, other services when they sent anything. */
    private static Map<String, Long> byTopicName(Map<Service, Long> counts) {
        Map<String, Long> result = new TreeMap<>();
        result.put(Service.LOGIN.topicName(), 0L);
        result.put(Service.SMART_SERVICE.topicName(), 0L);
        counts.forEach((service, count) -> {
            if (count > 0) {
                result.put(service.topicName(), count);
            }
        });
        return result;
    }

    private List<EmulatedVehicle> choosePrivateCars(List<EmulatedVehicle> vehicles) {
        List<EmulatedVehicle> shuffled = new ArrayList<>(vehicles);
        shuffled.sort(Comparator.comparing(EmulatedVehicle::vin));
        Collections.shuffle(shuffled, new Random(options.seed() ^ 0x5DEECE66DL));
        return List.copyOf(shuffled.subList(0, options.privacyVehicles()));
    }

    /**
     * Switches privacy mode on; opens each car's window only once its gate is shut and all it sent
     * before is acknowledged.
     *
     * @return per car, completes when its window is open (or its switch failed)
     */
    private static Map<Vin, CompletableFuture<Void>> privacyOn(List<EmulatedVehicle> cars, PrivacyWindows windows) {
        Map<Vin, CompletableFuture<Void>> opened = new ConcurrentHashMap<>();
        for (EmulatedVehicle car : cars) {
            Vin vin = car.vin();
            opened.put(vin, car.setPrivacyMode(true).thenRun(() -> windows.open(vin)));
        }
        return opened;
    }

    /** Closes each car's window (after it was opened) before the car may transmit again. */
    private static void privacyOff(List<EmulatedVehicle> cars, Map<Vin, CompletableFuture<Void>> opened,
                                   PrivacyWindows windows) {
        for (EmulatedVehicle car : cars) {
            opened.get(car.vin())
                    .handle((ok, error) -> null)
                    .thenRun(() -> windows.close(car.vin()))
                    .thenCompose(nothing -> car.setPrivacyMode(false));
        }
    }

    private String statusText(Instant started, FleetStats fleet, Backend backend, long perSecond) {
        BackendStats stats = backend.stats();
        Duration real = Duration.between(started, wall.instant());
        return String.format("%5.1fs  sim +%-10s online %d/%d  %5d msg/s  stored %d  rejected %d  needs %d",
                real.toMillis() / 1000.0, DemoResult.human(Duration.ofMillis((long) (real.toMillis() * options.speed()))),
                fleet.online(), options.vehicles(), perSecond,
                stats.stored(), stats.rejectedTotal(), backend.maintenanceSummary().total());
    }

    /** Waits until the backend has handled every uplink message the broker received, at most {@link #DRAIN_TIMEOUT}. */
    private void awaitDrained(Backend backend, PrivacyWindows windows) {
        Instant deadline = wall.instant().plus(DRAIN_TIMEOUT);
        CompletableFuture<Void> drained = new CompletableFuture<>();
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();
        try {
            poll.scheduleAtFixedRate(() -> {
                if (backend.stats().handled() >= windows.uplinkPublishes() || wall.instant().isAfter(deadline)) {
                    drained.complete(null);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            drained.join();
        } finally {
            poll.shutdownNow();
        }
    }
}
