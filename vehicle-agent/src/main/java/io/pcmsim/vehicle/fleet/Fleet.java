package io.pcmsim.vehicle.fleet;

import io.pcmsim.proto.v1.UplinkEnvelope;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.Vin;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import io.pcmsim.vehicle.internal.ConnectThrottle;
import io.pcmsim.vehicle.internal.ConnectionErrors;
import io.pcmsim.vehicle.internal.FleetCounters;
import io.pcmsim.vehicle.internal.FleetNetwork;
import io.pcmsim.vehicle.internal.MessageLog;
import io.pcmsim.vehicle.internal.SharedExecutors;
import io.pcmsim.vehicle.internal.TlsSettings;
import io.pcmsim.vehicle.internal.VehicleAgent;
import io.pcmsim.vehicle.internal.connection.UplinkObserver;
import io.pcmsim.vehicle.model.ModelLine;
import io.pcmsim.vehicle.model.VehicleProfiles;
import io.pcmsim.vehicle.privacy.DriverSettings;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated fleet: vehicles generated from a seed, each with its own MQTT connection, all sharing one
 * small set of threads (see {@link SharedExecutors}: about one lane per core, one scheduler, two Netty
 * threads, one MQTT application thread). No thread per vehicle, connection or message on the default
 * HiveMQ client; on the Paho client ({@link MqttClientLibrary#PAHO}) each connected car holds three
 * threads of a pool the fleet shares, Paho's design (still none per message).
 *
 * <p>Lifecycle: {@link #create} builds the vehicles (no threads run, nothing connects);
 * {@link #start()} connects them; {@link #stop()} disconnects them and ends every thread of the fleet.
 * All methods are thread-safe and non-blocking, except {@link #close()}.
 */
public final class Fleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
    private static final int NETTY_THREADS = 2;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final FleetConfig config;
    private final Map<Vin, VehicleAgent> vehicles;
    private final SharedExecutors executors;
    private final ConnectThrottle throttle;
    private final FleetCounters counters = new FleetCounters();
    private final Recorder latencyRecorder = new Recorder(AckLatency.HIGHEST_MICROS, AckLatency.SIGNIFICANT_DIGITS);
    private final Histogram latencyTotal = AckLatency.newHistogram();
    private @Nullable Histogram latencySpare;
    private final List<PublishListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<CompletableFuture<Void>> started = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Void>> stopped = new AtomicReference<>();

    private Fleet(FleetConfig config) {
        this.config = config;
        MqttClientSslConfig ssl = config.tls() == null ? null : TlsSettings.of(config.tls());
        Instant start = config.clock().instant();
        List<Vin> all = vins(config);
        Map<Vin, MqttCredentials> credentials = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (config.shard().includes(i)) {
                Vin vin = all.get(i);
                config.credentials().forVehicle(vin).ifPresent(c -> credentials.put(vin, c));
            }
        }
        this.executors = SharedExecutors.create("fleet", Runtime.getRuntime().availableProcessors(), NETTY_THREADS);
        this.throttle = new ConnectThrottle(config.connectRate(), config.wallClock(), executors.scheduler());
        FleetNetwork network = FleetNetwork.of(executors, throttle, ssl);
        Map<Vin, VehicleAgent> map = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (!config.shard().includes(i)) {
                continue;
            }
            Vin vin = all.get(i);
            DriverSettings initial = config.startsPrivate(i)
                    ? DriverSettings.defaults().withPrivacyMode(true) : DriverSettings.defaults();
            MessageLog history = config.historyCapacity() == 0 ? null
                    : new MessageLog(config.historyCapacity(), config.wallClock());
            map.put(vin, new VehicleAgent(VehicleProfiles.generate(vin, config.seed(), start, config.profiles()), config, network,
                    credentials.get(vin), initial, new Observer(vin, history), history));
        }
        this.vehicles = map;
    }

    /** The whole fleet's VINs: of the lines built with the forced powertrain, if one is. */
    private static List<Vin> vins(FleetConfig config) {
        List<ModelLine> lines = config.profiles().forcedPowertrain().map(ModelLine::builtWithPowertrain)
                .orElse(List.of(ModelLine.values()));
        return new VinGenerator(config.seed(), 0.15, lines).generate(config.vehicles());
    }

    /**
     * Builds the fleet's vehicles from {@code config.seed()}: same seed, same VINs, profiles and wear; of
     * {@code config.shard()} only those of the shard. Connects nothing.
     *
     * @throws IllegalArgumentException when the TLS settings cannot be used (e.g. an unreadable CA file)
     *     or a car has no credentials but needs them
     */
    public static Fleet create(FleetConfig config) {
        return new Fleet(Objects.requireNonNull(config, "config"));
    }

    /**
     * Registers a listener told of every uplink a vehicle hands to its connection. Register before
     * {@link #start()} to see the first logins.
     */
    public void addPublishListener(PublishListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Starts every vehicle: its sampling timer and its connection, with at most
     * {@code connectConcurrency} first CONNECTs in flight and at most {@code connectRate} per second.
     * Idempotent: later calls return the same future.
     *
     * @return completes when every vehicle has connected once; fails if the fleet is stopped first
     */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (!started.compareAndSet(null, future)) {
            return started.get();
        }
        if (stopped.get() != null) {
            future.completeExceptionally(new IllegalStateException("fleet is stopped and cannot start again"));
            return future;
        }
        List<CompletableFuture<Void>> connects = new ArrayList<>();
        vehicles.values().forEach(v -> connects.add(v.firstConnect()));
        Iterator<VehicleAgent> pending = new ArrayList<>(vehicles.values()).iterator();
        for (int i = 0; i < config.connectConcurrency(); i++) {
            launchNext(pending);
        }
        CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error == null) {
                LOG.info("fleet of {} vehicles connected to {}:{}", vehicles.size(), config.brokerHost(),
                        config.brokerPort());
                future.complete(null);
            } else {
                future.completeExceptionally(error);
            }
        });
        return future;
    }

    private void launchNext(Iterator<VehicleAgent> pending) {
        VehicleAgent next;
        synchronized (pending) {
            if (!pending.hasNext() || stopped.get() != null) {
                return;
            }
            next = pending.next();
        }
        throttle.submit(() -> {
            if (stopped.get() == null) {
                next.start();
            }
            next.firstAttempt().whenComplete((ok, error) -> launchNext(pending));
        });
    }

    /**
     * Stops every vehicle (offline presence, clean disconnect, no more reconnects) and then every thread of
     * the fleet. Idempotent: later calls return the same future. After it completes no thread of the fleet
     * is alive.
     */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (!stopped.compareAndSet(null, future)) {
            return stopped.get();
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        vehicles.values().forEach(v -> stops.add(v.stop()));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new))
                .orTimeout(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> {
                    if (error instanceof TimeoutException) {
                        LOG.warn("not every vehicle disconnected within {}; stopping threads anyway", STOP_TIMEOUT);
                    }
                    Thread stopper = new Thread(() -> {
                        executors.shutdown(Duration.ofSeconds(5));
                        future.complete(null);
                    }, "pcmsim-fleet-stop");
                    stopper.setDaemon(true);
                    stopper.start();
                });
        return future;
    }

    /** Every vehicle, in VIN generation order. */
    public List<EmulatedVehicle> vehicles() {
        return List.copyOf(vehicles.values());
    }

    public Optional<EmulatedVehicle> vehicle(Vin vin) {
        return Optional.ofNullable(vehicles.get(vin));
    }

    public FleetConfig config() {
        return config;
    }

    /** Counters since creation. */
    public FleetStats stats() {
        int online = 0;
        int connecting = 0;
        long buffered = 0;
        for (VehicleAgent vehicle : vehicles.values()) {
            online += vehicle.online() ? 1 : 0;
            connecting += vehicle.connecting() ? 1 : 0;
            buffered += vehicle.buffered();
        }
        return new FleetStats(vehicles.size(), online, counters.published(), counters.suppressed(),
                counters.droppedOutboxFull(), counters.discardedOnPrivacy(), counters.publishFailures(),
                counters.refused(), counters.downlinks(), counters.malformedDownlinks(), connecting, counters.sent(),
                counters.refusedByBroker(), counters.dropped(), counters.connections(), counters.reconnects(),
                counters.connectionErrors(), buffered, ackLatency());
    }

    /** Publish acknowledgement latency of every message acknowledged since creation. */
    public synchronized AckLatency ackLatency() {
        Histogram interval = latencyRecorder.getIntervalHistogram(latencySpare);
        latencyTotal.add(interval);
        latencySpare = interval;
        return new AckLatency(latencyTotal.copy());
    }

    /**
     * Messages waiting in the cars' outboxes, per service (only services with some). Exact once
     * {@link #stop()} has completed; before, it waits until it has.
     */
    public Map<Service, Long> bufferedByService() {
        stop().join();
        Map<Service, Long> counts = new EnumMap<>(Service.class);
        vehicles.values().forEach(v -> v.bufferedByService().forEach((service, n) -> counts.merge(service, (long) n, Long::sum)));
        return counts;
    }

    /** The permits the connect rate limit handed out so far: first connects and reconnect attempts. */
    public long connectPermits() {
        return throttle.granted();
    }

    /** {@link #stop()} and waits for it, at most 30 s. */
    @Override
    public void close() {
        try {
            stop().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("fleet did not stop cleanly: {}", e.toString());
        }
    }

    /** Forwards one vehicle's uplink events to the fleet counters and the listeners. */
    private final class Observer implements UplinkObserver {
        private final Vin vin;
        private final @Nullable MessageLog history;

        Observer(Vin vin, @Nullable MessageLog history) {
            this.vin = vin;
            this.history = history;
        }

        @Override
        public void sent(Service service, String topic, UplinkHeader header, byte[] payload) {
            if (history != null) {
                try {
                    history.sent(service, topic, header, UplinkEnvelope.parseFrom(payload));
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException("the car's own uplink does not decode", e);
                }
            }
            sent(service, topic, header);
        }

        @Override
        public void sent(Service service, String topic, UplinkHeader header) {
            counters.countSent(service);
            PublishedMessage message = new PublishedMessage(vin, service, topic, header);
            for (PublishListener listener : listeners) {
                try {
                    listener.published(message);
                } catch (RuntimeException e) {
                    LOG.warn("publish listener failed on {}", message, e);
                }
            }
        }

        @Override
        public void acknowledged(Service service, long latencyNanos) {
            counters.countPublished(service);
            latencyRecorder.recordValue(Math.min(AckLatency.HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
        }

        @Override
        public void connected(boolean first) {
            counters.countConnection(first);
        }

        @Override
        public void connectionLost(Throwable cause) {
            counters.countConnectionError(ConnectionErrors.describe(cause));
            LOG.debug("{}: connection lost or attempt failed: {}", vin, cause.toString());
        }

        @Override
        public void failed(Service service, Throwable cause) {
            counters.countPublishFailure();
            LOG.debug("{}: publish on {} failed: {}", vin, service.topicName(), cause.toString());
        }

        @Override
        public void refused(Service service, String reason) {
            counters.countRefused(service, reason, UNACKNOWLEDGED.equals(reason));
            LOG.debug("{}: message on {} given up: {}", vin, service.topicName(), reason);
        }

        @Override
        public void downlinkReceived(Service service) {
            counters.countDownlink();
        }

        @Override
        public void malformedDownlink(String reason) {
            counters.countMalformedDownlink();
            LOG.debug("{}: downlink dropped: {}", vin, reason);
        }

        @Override
        public void suppressed(Service service) {
            counters.countSuppressed(service);
        }

        @Override
        public void droppedOutboxFull(Service service) {
            counters.countDroppedOutboxFull(service);
        }

        @Override
        public void discardedBySettings(int count) {
            counters.countDiscardedOnPrivacy(count);
        }
    }
}
