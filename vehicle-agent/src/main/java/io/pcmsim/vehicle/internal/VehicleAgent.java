package io.pcmsim.vehicle.internal;

import io.pcmsim.proto.v1.SmartServiceReport.Trigger;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.privacy.DriverSettings;
import io.pcmsim.vehicle.internal.connection.VehicleConnection;
import io.pcmsim.vehicle.internal.connection.UplinkObserver;
import io.pcmsim.vehicle.smartservice.ThresholdMonitor;
import io.pcmsim.vehicle.smartservice.ThresholdReport;
import io.pcmsim.time.SimulatedClock;
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
 * One emulated car: model, threshold monitor and its timer, on top of its {@link VehicleConnection}
 * (privacy gate, uplink path, MQTT link). Everything that touches its state runs on its lane; MQTT
 * callbacks and the scheduler only hand work to the lane.
 */
public final class VehicleAgent implements EmulatedVehicle {

    private static final Logger LOG = LoggerFactory.getLogger(VehicleAgent.class);
    /** Real-time floor of the sampling period, so a fast simulation does not melt the CPU. */
    public static final Duration REAL_TIME_FLOOR = Duration.ofMillis(100);

    private final VehicleProfile profile;
    private final VehicleModel model;
    private final ThresholdMonitor monitor;
    private final VehicleConnection connection;
    private final ExecutorService lane;
    private final ScheduledExecutorService scheduler;
    private final SimulatedClock clock;
    private final Duration reportInterval;
    private final Duration samplePeriod;
    private final Duration firstTickDelay;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private volatile boolean stopping;
    private Instant nextPeriodic;
    private volatile @Nullable ScheduledFuture<?> ticker;

    public VehicleAgent(VehicleProfile profile, FleetConfig config, SharedExecutors executors, UplinkObserver observer) {
        this.profile = profile;
        Vin vin = profile.vin();
        this.model = new VehicleModel(profile);
        this.monitor = new ThresholdMonitor(config.thresholds());
        this.lane = executors.laneFor(vin);
        this.scheduler = executors.scheduler();
        this.clock = config.clock();
        this.reportInterval = config.reportInterval();
        Duration real = clock.toReal(config.sampleInterval());
        this.samplePeriod = real.compareTo(REAL_TIME_FLOOR) < 0 ? REAL_TIME_FLOOR : real;
        double phase = Math.floorMod(vin.value().hashCode() * 0x9E3779B1L, 1_000_003L) / 1_000_003.0;
        this.firstTickDelay = Duration.ofNanos((long) (samplePeriod.toNanos() * phase));
        this.nextPeriodic = profile.start().plus(Duration.ofNanos((long) (reportInterval.toNanos() * phase)));
        this.connection = new VehicleConnection(vin, config, executors.clientExecutorConfig(), observer,
                task -> onLane(task), newBoot -> sendLogin());
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
        onLane(connection::start);
    }

    /** Completes at the first successful connect (or a start in silence). */
    public CompletableFuture<Void> firstConnect() {
        return connection.firstConnect();
    }

    /** Completes at the first connect or the first failed attempt, whichever comes first. */
    public CompletableFuture<Void> firstAttempt() {
        return connection.firstAttempt();
    }

    /**
     * Stops the timer, publishes offline presence when online, disconnects and stops reconnecting.
     * Idempotent; the future completes when the MQTT client has let go of the connection.
     */
    public CompletableFuture<Void> stop() {
        stopping = true;
        ScheduledFuture<?> timer = ticker;
        if (timer != null) {
            timer.cancel(false);
        }
        return connection.stop();
    }

    /**
     * The login, then (while Smart Service is allowed) its session-start snapshot: the state travels only
     * in Smart Service's own message.
     */
    private CompletableFuture<Void> sendLogin() {
        Instant now = clock.instant();
        model.advanceTo(now);
        CompletableFuture<Void> login = connection.submit(Service.LOGIN, Messages.login(profile, connection.settings()), now);
        CompletableFuture<Void> snapshot = connection.submit(Service.SMART_SERVICE,
                Messages.smartService(profile, Trigger.SESSION_START, List.of(), model.snapshot()), now);
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
        crossing.ifPresent(report -> connection.submit(Service.SMART_SERVICE,
                Messages.smartService(profile, Trigger.THRESHOLD, report.crossedThresholds(), state), now));
        if (!connection.allows(Service.SMART_SERVICE)) {
            monitor.discardPending();
        }
        if (!now.isBefore(nextPeriodic)) {
            connection.submit(Service.SMART_SERVICE, Messages.smartService(profile, Trigger.PERIODIC, List.of(), state), now);
            long behind = Duration.between(nextPeriodic, now).toNanos() / reportInterval.toNanos();
            nextPeriodic = nextPeriodic.plus(reportInterval.multipliedBy(behind + 1));
        }
    }

    private CompletableFuture<Void> changeSettings(UnaryOperator<DriverSettings> change) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        boolean queued = onLane(() -> {
            DriverSettings next = change.apply(connection.settings());
            if (!next.allows(Service.SMART_SERVICE)) {
                monitor.discardPending();
            }
            boolean loginBefore = connection.allows(Service.LOGIN);
            boolean smartServiceBefore = connection.allows(Service.SMART_SERVICE);
            CompletableFuture<Void> step = connection.apply(next);
            if (loginBefore && !smartServiceBefore && next.allows(Service.SMART_SERVICE) && connection.online()) {
                Instant now = clock.instant();
                model.advanceTo(now);
                step = step.thenCompose(v -> connection.submit(Service.SMART_SERVICE,
                        Messages.smartService(profile, Trigger.SESSION_START, List.of(), model.snapshot()), now));
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
        return connection.online();
    }

    @Override
    public long bootId() {
        return connection.bootId();
    }

    @Override
    public DriverSettings settings() {
        return connection.settings();
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
