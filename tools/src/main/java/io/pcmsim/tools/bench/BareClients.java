package io.pcmsim.tools.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.internal.ConnectThrottle;
import io.pcmsim.vehicle.internal.SharedExecutors;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The baseline of {@code pcmsim bench fleet}: one bare HiveMQ MQTT 5 client per VIN on the same shared
 * executors as a fleet (no car model, no lanes), connecting with the fleet's concurrency and connect rate
 * limit, each publishing one pre-encoded report at QoS 1 on its uplink topic every {@code period} from its
 * connect on. Like a car, a client keeps at most {@link #MAX_IN_FLIGHT} publishes unacknowledged; a report
 * due while the window is full is skipped and counted.
 */
final class BareClients implements BenchLoad {

    /** Unacknowledged publishes per client at most, as a car's in-flight window. */
    static final int MAX_IN_FLIGHT = 10;

    private final List<Client> clients = new ArrayList<>();
    private final SharedExecutors executors;
    private final ConnectThrottle throttle;
    private final int concurrency;
    private final Duration period;
    private final byte[] payload;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CompletableFuture<Void> allAttempted = new CompletableFuture<>();
    private final AtomicInteger attempted = new AtomicInteger();
    private volatile boolean closing;
    private @Nullable CompletableFuture<Void> stopped;

    /**
     * @param connectRate CONNECTs per second at most, 0 for no limit
     * @param concurrency CONNECTs in flight at most
     * @param period between two reports of one client
     */
    BareClients(String host, int port, List<Vin> vins, int concurrency, double connectRate, Duration period,
            byte[] payload) {
        this.executors = SharedExecutors.create("bare", Runtime.getRuntime().availableProcessors(), 2);
        this.throttle = new ConnectThrottle(connectRate, Clock.systemUTC(), executors.scheduler());
        this.concurrency = concurrency;
        this.period = period;
        this.payload = payload.clone();
        for (Vin vin : vins) {
            Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(vin.value()).serverHost(host).serverPort(port)
                    .executorConfig(executors.clientExecutorConfig()).buildAsync();
            clients.add(new Client(client, Topics.uplink(vin, Service.SMART_SERVICE)));
        }
    }

    @Override
    public CompletableFuture<Void> start() {
        Iterator<Client> pending = clients.iterator();
        if (clients.isEmpty()) {
            allAttempted.complete(null);
        }
        for (int i = 0; i < concurrency; i++) {
            launchNext(pending);
        }
        return allAttempted;
    }

    private void launchNext(Iterator<Client> pending) {
        Client next;
        synchronized (pending) {
            if (!pending.hasNext() || closing) {
                return;
            }
            next = pending.next();
        }
        throttle.submit(() -> next.mqtt.connectWith().cleanStart(true).send().whenComplete((ack, error) -> {
            if (error == null) {
                connected.incrementAndGet();
                next.startReporting();
            } else {
                errors.incrementAndGet();
            }
            if (attempted.incrementAndGet() == clients.size()) {
                allAttempted.complete(null);
            }
            launchNext(pending);
        }));
    }

    @Override
    public int connected() {
        return connected.get();
    }

    @Override
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public long errors() {
        return errors.get() + skipped.get();
    }

    @Override
    public synchronized CompletableFuture<Void> stop() {
        if (stopped != null) {
            return stopped;
        }
        closing = true;
        List<CompletableFuture<?>> closed = new ArrayList<>();
        for (Client client : clients) {
            client.stopReporting();
            closed.add(client.mqtt.disconnect().handle((ok, e) -> null));
        }
        stopped = CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new))
                .orTimeout(30, TimeUnit.SECONDS).handle((ok, e) -> null)
                .thenRunAsync(() -> executors.shutdown(Duration.ofSeconds(5)));
        return stopped;
    }

    /** One bare client and its report timer. */
    private final class Client {
        private final Mqtt5AsyncClient mqtt;
        private final String topic;
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile @Nullable ScheduledFuture<?> timer;

        Client(Mqtt5AsyncClient mqtt, String topic) {
            this.mqtt = mqtt;
            this.topic = topic;
        }

        void startReporting() {
            if (closing) {
                return;
            }
            try {
                // the first report at once, as a car's session-start report; then one per period
                timer = executors.scheduler().scheduleAtFixedRate(this::report, 0, period.toNanos(),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // the clients are being stopped
            }
        }

        void stopReporting() {
            ScheduledFuture<?> running = timer;
            if (running != null) {
                running.cancel(false);
            }
        }

        private void report() {
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                inFlight.decrementAndGet();
                skipped.incrementAndGet();
                return;
            }
            mqtt.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                    .whenComplete((result, error) -> {
                        inFlight.decrementAndGet();
                        if (error == null && result.getError().isEmpty()) {
                            acknowledged.incrementAndGet();
                        } else if (!closing) {
                            errors.incrementAndGet();
                        }
                    });
        }
    }
}
