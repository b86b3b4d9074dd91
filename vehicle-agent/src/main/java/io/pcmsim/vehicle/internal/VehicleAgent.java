package io.pcmsim.vehicle.internal;

import io.pcmsim.proto.v1.SmartServiceReport.Trigger;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.privacy.DriverSettings;
import io.pcmsim.vehicle.privacy.SettingsChange;
import io.pcmsim.vehicle.session.LinkConfig;
import io.pcmsim.vehicle.session.MqttLink;
import io.pcmsim.vehicle.session.SharedExecutors;
import io.pcmsim.vehicle.session.UplinkChannel;
import io.pcmsim.vehicle.session.UplinkObserver;
import io.pcmsim.vehicle.smartservice.ThresholdMonitor;
import io.pcmsim.vehicle.smartservice.ThresholdReport;
import io.pcmsim.time.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated car: model, threshold monitor, privacy gate and uplink path, MQTT link, and its timer.
 * Everything that touches its state runs on its lane; MQTT callbacks and the scheduler only hand work
 * to the lane.
 */
public final class VehicleAgent implements EmulatedVehicle, MqttLink.Events {

    private static final Logger LOG = LoggerFactory.getLogger(VehicleAgent.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Real-time floor of the sampling period, so a fast simulation does not melt the CPU. */
    public static final Duration REAL_TIME_FLOOR = Duration.ofMillis(100);
    static final Duration RECONNECT_INITIAL_DELAY = Duration.ofMillis(250);
    static final Duration RECONNECT_MAX_DELAY = Duration.ofSeconds(5);

    private final VehicleProfile profile;
    private final VehicleModel model;
    private final ThresholdMonitor monitor;
    private final UplinkChannel channel;
    private final MqttLink link;
    private final ExecutorService lane;
    private final ScheduledExecutorService scheduler;
    private final SimulatedClock clock;
    private final Clock wallClock;
    private final Duration reportInterval;
    private final Duration samplePeriod;
    private final Duration firstTickDelay;
    private final String statusTopic;
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
    /** The client reported a disconnect after the stop: it no longer reconnects. */
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    /** The clean disconnect requested at stop has returned (done, or nothing to disconnect). */
    private final CompletableFuture<Void> disconnectReturned = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile boolean online;
    private volatile long bootId;
    private Instant nextPeriodic;
    private volatile @Nullable ScheduledFuture<?> ticker;

    public VehicleAgent(VehicleProfile profile, FleetConfig config, SharedExecutors executors, UplinkObserver observer) {
        this.profile = profile;
        Vin vin = profile.vin();
        this.model = new VehicleModel(profile);
        this.monitor = new ThresholdMonitor(config.thresholds());
        this.lane = executors.laneFor(vin);
        this.channel = new UplinkChannel(vin, DriverSettings.defaults(), config.outboxCapacity(), observer,
                task -> onLane(task));
        this.scheduler = executors.scheduler();
        this.clock = config.clock();
        this.wallClock = config.wallClock();
        this.reportInterval = config.reportInterval();
        Duration real = clock.toReal(config.sampleInterval());
        this.samplePeriod = real.compareTo(REAL_TIME_FLOOR) < 0 ? REAL_TIME_FLOOR : real;
        double phase = Math.floorMod(vin.value().hashCode() * 0x9E3779B1L, 1_000_003L) / 1_000_003.0;
        this.firstTickDelay = Duration.ofNanos((long) (samplePeriod.toNanos() * phase));
        this.nextPeriodic = profile.start().plus(Duration.ofNanos((long) (reportInterval.toNanos() * phase)));
        this.statusTopic = Topics.status(vin);
        this.link = MqttLink.create(new LinkConfig(config.mqttVersion(), config.brokerHost(), config.brokerPort(),
                vin, statusTopic, Messages.presence(false, 0, profile.start()), executors.clientExecutorConfig(),
                RECONNECT_INITIAL_DELAY, RECONNECT_MAX_DELAY), this);
    }

    /** Starts the timer and connecting; idempotent. */
    public void start() {
        if (stopping || !started.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> timer = scheduler.scheduleAtFixedRate(this::queueTick, firstTickDelay.toNanos(),
                samplePeriod.toNanos(), TimeUnit.NANOSECONDS);
        ticker = timer;
        if (stopping) {
            timer.cancel(false);
        }
        link.connect();
    }

    /** Completes at the first successful connect. */
    public CompletableFuture<Void> firstConnect() {
        return firstConnect;
    }

    /** Completes at the first connect or the first failed attempt, whichever comes first. */
    public CompletableFuture<Void> firstAttempt() {
        return firstAttempt;
    }

    /**
     * Stops the timer, publishes offline presence when online, disconnects and stops reconnecting.
     * Idempotent; the future completes when the MQTT client has let go of the connection.
     */
    public CompletableFuture<Void> stop() {
        if (!stopRequested.compareAndSet(false, true)) {
            return CompletableFuture.allOf(terminated, disconnectReturned);
        }
        stopping = true;
        firstConnect.completeExceptionally(new IllegalStateException("vehicle " + vin() + " stopped before it connected"));
        ScheduledFuture<?> timer = ticker;
        if (timer != null) {
            timer.cancel(false);
        }
        if (!started.get()) {
            terminated.complete(null);
            disconnectReturned.complete(null);
            return CompletableFuture.allOf(terminated, disconnectReturned);
        }
        onLane(() -> {
            CompletableFuture<Void> goodbye = online
                    ? link.publish(statusTopic, Messages.presence(false, bootId, clock.instant()), true)
                    : DONE;
            goodbye.handle((ok, error) -> null)
                    .orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((ok, error) -> link.disconnect().whenComplete((done, e) -> disconnectReturned.complete(null)));
        });
        return CompletableFuture.allOf(terminated, disconnectReturned);
    }

    @Override
    public void connected() {
        firstAttempt.complete(null);
        onLane(this::beginBoot);
    }

    @Override
    public void disconnected(Throwable cause) {
        firstAttempt.complete(null);
        if (stopping) {
            terminated.complete(null);
        }
        LOG.debug("{}: disconnected: {}", vin(), cause == null ? "-" : cause.toString());
        onLane(() -> {
            online = false;
            channel.disconnected();
        });
    }

    @Override
    public boolean keepConnected() {
        return !stopping;
    }

    private void beginBoot() {
        if (stopping) {
            link.disconnect();
            return;
        }
        long next = Math.max(bootId + 1, wallClock.millis());
        bootId = next;
        Instant now = clock.instant();
        model.advanceTo(now);
        channel.connected(link, next);
        online = true;
        link.publish(statusTopic, Messages.presence(true, next, now), true).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug("{}: presence not acknowledged: {}", vin(), error.toString());
            }
        });
        sendLogin(now, model.snapshot());
        channel.drainOutbox();
        firstConnect.complete(null);
        LOG.debug("{}: online, boot {}", vin(), next);
    }

    /**
     * The login, then (while Smart Service is allowed) its session-start snapshot: the state travels only
     * in Smart Service's own message.
     */
    private CompletableFuture<Void> sendLogin(Instant now, VehicleSnapshot state) {
        CompletableFuture<Void> login = channel.submit(Service.LOGIN, Messages.login(profile, channel.gate().settings()), now);
        CompletableFuture<Void> snapshot = channel.submit(Service.SMART_SERVICE,
                Messages.smartService(profile, Trigger.SESSION_START, List.of(), state), now);
        return CompletableFuture.allOf(login, snapshot);
    }

    private void queueTick() {
        if (tickQueued.compareAndSet(false, true)) {
            onLane(() -> {
                tickQueued.set(false);
                tick();
            });
        }
    }

    /** One evaluation: advance the model, report threshold crossings and the periodic report when due. */
    void tick() {
        if (stopping) {
            return;
        }
        Instant now = clock.instant();
        model.advanceTo(now);
        VehicleSnapshot state = model.snapshot();
        Optional<ThresholdReport> crossing = monitor.evaluate(state, now);
        crossing.ifPresent(report -> channel.submit(Service.SMART_SERVICE,
                Messages.smartService(profile, Trigger.THRESHOLD, report.crossedThresholds(), state), now));
        if (!channel.gate().allows(Service.SMART_SERVICE)) {
            monitor.discardPending();
        }
        if (!now.isBefore(nextPeriodic)) {
            channel.submit(Service.SMART_SERVICE, Messages.smartService(profile, Trigger.PERIODIC, List.of(), state), now);
            long behind = Duration.between(nextPeriodic, now).toNanos() / reportInterval.toNanos();
            nextPeriodic = nextPeriodic.plus(reportInterval.multipliedBy(behind + 1));
        }
    }

    private CompletableFuture<Void> changeSettings(UnaryOperator<DriverSettings> change) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        boolean queued = onLane(() -> {
            SettingsChange applied = channel.apply(change.apply(channel.gate().settings()));
            CompletableFuture<Void> step = DONE;
            if (!applied.blocked().isEmpty()) {
                if (applied.blocked().contains(Service.SMART_SERVICE)) {
                    monitor.discardPending();
                }
                step = channel.settled();
            }
            if (applied.unblocked().contains(Service.LOGIN) && channel.online()) {
                Instant now = clock.instant();
                model.advanceTo(now);
                step = sendLogin(now, model.snapshot());
            } else if (applied.unblocked().contains(Service.SMART_SERVICE) && channel.online()) {
                Instant now = clock.instant();
                model.advanceTo(now);
                step = channel.submit(Service.SMART_SERVICE,
                        Messages.smartService(profile, Trigger.SESSION_START, List.of(), model.snapshot()), now);
            }
            step.whenComplete((ok, error) -> result.complete(null));
        });
        if (!queued) {
            result.completeExceptionally(new IllegalStateException("vehicle " + vin() + " is stopped"));
        }
        return result;
    }

    private boolean onLane(Runnable task) {
        try {
            lane.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("{}: task failed", vin(), e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: lane stopped, task dropped", vin());
            return false;
        }
    }

    @Override
    public Vin vin() {
        return profile.vin();
    }

    @Override
    public boolean online() {
        return online;
    }

    @Override
    public long bootId() {
        return bootId;
    }

    @Override
    public DriverSettings settings() {
        return channel.gate().settings();
    }

    @Override
    public VehicleSnapshot snapshot() {
        return model.snapshot();
    }

    @Override
    public VehicleProfile profile() {
        return profile;
    }

    @Override
    public CompletableFuture<Void> setPrivacyMode(boolean on) {
        return changeSettings(s -> s.withPrivacyMode(on));
    }

    @Override
    public CompletableFuture<Void> setServiceGroup(ServiceGroup group, boolean enabled) {
        return changeSettings(s -> s.withServiceGroup(group, enabled));
    }

    @Override
    public CompletableFuture<Void> setServiceEnabled(Service service, boolean enabled) {
        return changeSettings(s -> s.withService(service, enabled));
    }

    @Override
    public CompletableFuture<Void> setTotalShutdown(boolean on) {
        return changeSettings(s -> s.withTotalShutdown(on));
    }

    @Override
    public String toString() {
        return "EmulatedVehicle[" + vin() + ", " + profile.modelLine().modelCode() + " MY" + profile.modelYear() + "]";
    }
}
