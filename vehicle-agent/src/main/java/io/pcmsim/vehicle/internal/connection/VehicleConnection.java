package io.pcmsim.vehicle.internal.connection;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.MqttCredentials;
import io.pcmsim.vehicle.internal.FleetNetwork;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.internal.service.SettingsChange;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A car's one way onto the network: the privacy gate owns the MQTT link, and nothing else in the car can
 * reach it. While the gate allows any service the car keeps a session (boot): it connects with a Last
 * Will naming the boot id of that attempt, publishes retained presence, and asks its {@link Session} to
 * log in. When the gate blocks every service the car waits until what passed before has settled, then
 * disconnects cleanly (no Last Will, no offline presence) and stays away until a service is allowed
 * again; then it connects under a new boot.
 *
 * <p>Apart from the settings, the car can be off the network ({@link #leaveNetwork}): a network outage, or
 * a car that went away. It disconnects and stays away without the privacy semantics: what its services
 * produce meanwhile waits in the bounded outbox (the oldest making room, counted) and is sent after
 * {@link #rejoinNetwork}, under a new boot.
 *
 * <p>Confined to the vehicle's lane except where noted; MQTT callbacks only hand work to the lane.
 */
public final class VehicleConnection implements MqttLink.Events {

    private static final Logger LOG = LoggerFactory.getLogger(VehicleConnection.class);
    static final Duration RECONNECT_INITIAL_DELAY = Duration.ofMillis(250);
    static final Duration RECONNECT_MAX_DELAY = Duration.ofSeconds(5);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /** What the car does when a session starts and when a downlink arrives; called on the lane. */
    public interface Session {
        /**
         * Sends the login (and what follows it) through the gate.
         *
         * @param newBoot true for a new connection, false for a fresh login within the boot
         * @return settles when the login was acknowledged or failed
         */
        CompletableFuture<Void> logIn(boolean newBoot);

        /** A checked downlink of this car arrived. */
        void downlink(Downlink downlink);
    }

    /**
     * Settings put in force.
     *
     * @param change what they blocked and unblocked
     * @param done completes as described at {@link #apply}
     */
    public record SettingsUpdate(SettingsChange change, CompletableFuture<Void> done) {
    }

    private enum State { IDLE, CONNECTING, ONLINE, CLOSING }

    private final Vin vin;
    private final UplinkChannel channel;
    private final MqttLink link;
    private final Executor lane;
    private final Session session;
    private final UplinkObserver observer;
    private final Boots boots;
    private final List<CompletableFuture<Void>> awaitingLogin = new ArrayList<>();
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private State state = State.IDLE;
    private volatile boolean stopping;
    private volatile boolean silent;
    private volatile boolean online;
    private volatile long bootId;
    /** The car wants a connection: set when it starts connecting, cleared when it falls silent or stops. */
    private volatile boolean linkWanted;
    private volatile boolean everConnected;
    /** Off the network (outage, away): no connection wanted whatever the settings say. */
    private volatile boolean offNetwork;

    /**
     * @param network the fleet's threads (the scheduler times the reconnect backoff), connect rate limit
     *     and TLS settings
     * @param credentials user name and password of every CONNECT, or null for none
     * @param initial the driver settings the car starts with
     * @param lane runs a task on the vehicle's lane; must not throw when the lane has stopped
     */
    public VehicleConnection(Vin vin, FleetConfig config, FleetNetwork network, @Nullable MqttCredentials credentials,
            DriverSettings initial, UplinkObserver observer, Executor lane, Session session) {
        this.vin = vin;
        this.lane = lane;
        this.session = session;
        this.observer = observer;
        this.boots = new Boots(config.wallClock(), config.clock());
        this.channel = new UplinkChannel(vin, initial, config.outboxCapacity(), observer, lane);
        this.link = MqttLink.create(new LinkConfig(config.mqttVersion(), config.mqttClient(), config.brokerHost(),
                config.brokerPort(), vin, Topics.status(vin), network, RECONNECT_INITIAL_DELAY, RECONNECT_MAX_DELAY,
                credentials), this);
    }

    /** Connects unless the settings keep the car silent (then the first attempt counts as made). On the lane. */
    public void start() {
        if (stopping || state != State.IDLE) {
            return;
        }
        if (channel.gate().allowsAny() && !offNetwork) {
            connect();
        } else {
            firstAttempt.complete(null);
            firstConnect.complete(null);
        }
    }

    /** The channel {@code service} sends through: its own topic, behind the gate. */
    public ServiceChannel channelFor(Service service) {
        return new GatedServiceChannel(service, this);
    }

    /** Submits an uplink through the gate; see {@link UplinkChannel#submit}. On the lane. */
    CompletableFuture<Void> submit(Service service, UplinkEnvelope body, Instant producedAt) {
        return channel.submit(service, body, producedAt);
    }

    /** Whether a message of {@code service} would pass the gate now. */
    public boolean allows(Service service) {
        return channel.gate().allows(service);
    }

    /**
     * Puts new settings in force; on the lane. The future completes, for a change that blocks a service,
     * once every publish that passed before has settled (and, when nothing is allowed any more, the car has
     * disconnected); for a change that lets the login through again, once the fresh login settled.
     */
    public SettingsUpdate apply(DriverSettings next) {
        SettingsChange change = channel.apply(next);
        return new SettingsUpdate(change, settle(change));
    }

    private CompletableFuture<Void> settle(SettingsChange change) {
        CompletableFuture<Void> step = change.blocked().isEmpty() ? DONE : channel.settled();
        if (!channel.gate().allowsAny()) {
            return step.thenCompose(v -> onLane(this::closeIfSilent));
        }
        if (state == State.IDLE || state == State.CLOSING) {
            CompletableFuture<Void> login = new CompletableFuture<>();
            awaitingLogin.add(login);
            if (state == State.IDLE && !stopping && !offNetwork) {
                connect();
            }
            return step.thenCompose(v -> login);
        }
        if (change.unblocked().contains(Service.LOGIN) && state == State.ONLINE) {
            return step.thenCompose(v -> session.logIn(false));
        }
        return step;
    }

    /** Completes when every publish handed to the MQTT client so far was acknowledged or failed; any thread. */
    public CompletableFuture<Void> settled() {
        return channel.settled();
    }

    public DriverSettings settings() {
        return channel.gate().settings();
    }

    /** Whether the car is connected and has started its current boot; any thread. */
    public boolean online() {
        return online;
    }

    /** Whether the car wants a connection and has none yet (connecting or waiting to reconnect); any thread. */
    public boolean connecting() {
        return linkWanted && !online && !stopping;
    }

    /** Messages waiting in the car's outbox; any thread. */
    public int buffered() {
        return channel.outboxSize();
    }

    /** Messages waiting in the car's outbox, per service; on the lane or once the lane has stopped. */
    public Map<Service, Integer> bufferedByService() {
        return channel.outboxByService();
    }

    /** Boot id of the current (or last) session, 0 before the first; any thread. */
    public long bootId() {
        return bootId;
    }

    /** Completes at the first session start, or when the car starts silent. */
    public CompletableFuture<Void> firstConnect() {
        return firstConnect;
    }

    /** Completes at the first connect, the first failed attempt, or a silent start. */
    public CompletableFuture<Void> firstAttempt() {
        return firstAttempt;
    }

    /**
     * Publishes offline presence when online, disconnects and stops reconnecting. Any thread; idempotent.
     * Completes when the MQTT client has let go of the connection.
     */
    public CompletableFuture<Void> stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            return terminated;
        }
        stopping = true;
        firstConnect.completeExceptionally(new IllegalStateException("vehicle stopped before it connected"));
        onLane(() -> {
            switch (state) {
                case IDLE -> terminated.complete(null);
                case CLOSING -> { } // the close in progress completes it
                // a reconnect pending or an attempt in flight: the link calls it off and completes once idle
                case CONNECTING -> link.disconnect().whenComplete((ok, e) -> terminated.complete(null));
                case ONLINE -> channel.presence(boots.presence(false, bootId)).orTimeout(2, TimeUnit.SECONDS)
                        .handle((ok, e) -> null)
                        .thenCompose(v -> link.disconnect())
                        .whenComplete((ok, e) -> {
                            online = false; // stopping: no session begins again
                            terminated.complete(null);
                        });
            }
            return DONE;
        });
        return terminated;
    }

    private void connect() {
        state = State.CONNECTING;
        silent = false;
        linkWanted = true;
        link.connect();
    }

    private CompletableFuture<Void> closeIfSilent() {
        if (channel.gate().allowsAny() || (state != State.ONLINE && state != State.CONNECTING)) {
            return DONE;
        }
        state = State.CLOSING;
        silent = true;
        linkWanted = false;
        channel.disconnected();
        online = false;
        CompletableFuture<Void> closed = new CompletableFuture<>();
        link.disconnect().whenComplete((ok, e) -> onLane(() -> {
            state = State.IDLE;
            if (stopping) {
                terminated.complete(null);
            } else if (channel.gate().allowsAny() && !offNetwork) {
                connect();
            }
            closed.complete(null);
            return DONE;
        }));
        return closed;
    }

    /**
     * Takes the car off the network; on the lane. Online, it first publishes offline presence when
     * {@code announce} (a car that goes away; an outage announces nothing, the link just ends), then
     * disconnects; publishes in flight come back into the outbox and are sent again later. Completes when
     * the car is disconnected. Idempotent.
     */
    public CompletableFuture<Void> leaveNetwork(boolean announce) {
        offNetwork = true;
        linkWanted = false;
        if (state == State.CONNECTING) {
            state = State.CLOSING;
            return link.disconnect().handle((ok, e) -> null).thenCompose(v -> onLane(this::leftNetwork));
        }
        if (state != State.ONLINE) {
            return DONE; // idle (silent) already, or a close in progress that will not reconnect
        }
        state = State.CLOSING;
        CompletableFuture<Void> goodbye = announce
                ? channel.presence(boots.presence(false, bootId)).orTimeout(2, TimeUnit.SECONDS).handle((ok, e) -> null)
                : DONE;
        return goodbye.thenCompose(v -> onLane(() -> {
            channel.disconnected();
            online = false;
            return link.disconnect().handle((ok, e) -> null).thenCompose(x -> onLane(this::leftNetwork));
        }));
    }

    private CompletableFuture<Void> leftNetwork() {
        state = State.IDLE;
        if (stopping) {
            terminated.complete(null);
        } else if (!offNetwork && channel.gate().allowsAny()) {
            connect();
        }
        return DONE;
    }

    /**
     * Back on the network after {@link #leaveNetwork}; on the lane. Connects under a new boot when the
     * settings allow any service. Completes when the login after it settled (at once when the settings
     * keep the car silent or it was not off the network).
     */
    public CompletableFuture<Void> rejoinNetwork() {
        if (!offNetwork) {
            return DONE;
        }
        offNetwork = false;
        if (stopping || !channel.gate().allowsAny()) {
            return DONE;
        }
        CompletableFuture<Void> login = new CompletableFuture<>();
        awaitingLogin.add(login);
        if (state == State.IDLE) {
            connect();
        }
        return login;
    }

    /** Whether the car is off the network ({@link #leaveNetwork}); any thread. */
    public boolean offNetwork() {
        return offNetwork;
    }

    private void beginSession(long boot) {
        if (stopping || state == State.CLOSING || offNetwork) {
            link.disconnect();
            return;
        }
        state = State.ONLINE;
        if (!channel.gate().allowsAny()) {
            closeIfSilent();
            return;
        }
        bootId = boot;
        link.subscribe(Topics.downlinkFilter(vin)).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("{}: subscription to its downlinks failed: {}", vin, error.toString());
            }
            onLane(() -> {
                logIn(boot);
                return DONE;
            });
        });
    }

    /**
     * Logs in once the downlink subscription of session {@code boot} is acknowledged, so that nothing sent to
     * the car in answer to its login, or once it counts as connected, can arrive before it listens; on the lane.
     * A session that ended meanwhile logs in no more: the next one does.
     */
    private void logIn(long boot) {
        if (state != State.ONLINE || bootId != boot || stopping || offNetwork) {
            return;
        }
        channel.connected(link, boot);
        online = true;
        channel.presence(boots.presence(true, boot));
        CompletableFuture<Void> login = session.logIn(true);
        channel.drainOutbox();
        firstConnect.complete(null);
        awaitingLogin.forEach(waiting -> login.whenComplete((ok, e) -> waiting.complete(null)));
        awaitingLogin.clear();
    }

    @Override
    public byte[] willForNextAttempt() {
        return boots.nextAttemptWill();
    }

    @Override
    public void connected() {
        long boot = boots.attempt();
        boolean first = !everConnected;
        everConnected = true;
        observer.connected(first);
        firstAttempt.complete(null);
        onLane(() -> {
            beginSession(boot);
            return DONE;
        });
    }

    @Override
    public void disconnected(Throwable cause) {
        LOG.debug("{}: disconnected: {}", vin, cause instanceof Mqtt5DisconnectException disconnect
                ? disconnect.getMqttMessage() : cause.toString());
        firstAttempt.complete(null);
        if (stopping) {
            online = false; // before the fleet may read its stats; no session begins while stopping
            terminated.complete(null);
        } else if (keepConnected()) {
            observer.connectionLost(cause);
        }
        onLane(() -> {
            channel.disconnected();
            online = false;
            if (state == State.ONLINE) {
                state = keepConnected() ? State.CONNECTING : State.IDLE;
            }
            return DONE;
        });
    }

    @Override
    public void downlink(String topic, byte[] payload) {
        onLane(() -> {
            Downlink downlink;
            try {
                downlink = Downlink.parse(vin, topic, payload);
            } catch (IllegalArgumentException e) {
                observer.malformedDownlink(e.getMessage());
                return DONE;
            }
            observer.downlinkReceived(downlink.service());
            session.downlink(downlink);
            return DONE;
        });
    }

    @Override
    public boolean keepConnected() {
        return !stopping && !silent && !offNetwork;
    }

    /** Runs {@code task} on the lane; completes when its future does (never when the lane has stopped). */
    private CompletableFuture<Void> onLane(Supplier<CompletableFuture<Void>> task) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        lane.execute(() -> task.get().whenComplete((ok, e) -> result.complete(null)));
        return result;
    }
}
