package io.pcmsim.vehicle.internal;

import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.BreakdownCallResult;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.MessageHistory;
import io.pcmsim.vehicle.fleet.MqttCredentials;
import io.pcmsim.vehicle.internal.breakdown.BreakdownService;
import io.pcmsim.vehicle.internal.connection.Downlink;
import io.pcmsim.vehicle.internal.connection.UplinkObserver;
import io.pcmsim.vehicle.internal.connection.VehicleConnection;
import io.pcmsim.vehicle.internal.manual.ManualService;
import io.pcmsim.vehicle.internal.mapupdate.InstalledMaps;
import io.pcmsim.vehicle.internal.mapupdate.MapUpdateService;
import io.pcmsim.vehicle.internal.service.VehicleService;
import io.pcmsim.vehicle.internal.session.SessionService;
import io.pcmsim.vehicle.internal.smartservice.SmartService;
import io.pcmsim.vehicle.manual.ManualLinks;
import io.pcmsim.vehicle.manual.ProfileOutcome;
import io.pcmsim.vehicle.internal.softwareupdate.SoftwareUpdateService;
import io.pcmsim.vehicle.model.DrivingState;
import io.pcmsim.vehicle.model.Fault;
import io.pcmsim.vehicle.model.InstalledVersion;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.privacy.DriverSettings;
import io.pcmsim.vehicle.smartservice.NavigationDestination;
import io.pcmsim.vehicle.softwareupdate.UpdateDecision;
import io.pcmsim.vehicle.softwareupdate.UpdateProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated car: its lifecycle, its lane and timer, its model, and its services on top of its
 * {@link VehicleConnection}. Everything that touches its state runs on its lane; MQTT callbacks and the
 * scheduler only hand work to the lane.
 */
public final class VehicleAgent implements EmulatedVehicle, VehicleConnection.Session {

    private static final Logger LOG = LoggerFactory.getLogger(VehicleAgent.class);
    /** Real-time floor of the sampling period, so a fast simulation does not melt the CPU. */
    public static final Duration REAL_TIME_FLOOR = Duration.ofMillis(100);

    private final VehicleProfile profile;
    private final VehicleModel model;
    private final VehicleConnection connection;
    private final List<VehicleService> services;
    private final BreakdownService breakdown;
    private final ManualService manual;
    private final SoftwareUpdateService softwareUpdate;
    private final InstalledMaps maps;
    private final MapUpdateService mapUpdate;
    private final UplinkObserver observer;
    private final @Nullable MessageLog history;
    private final ExecutorService lane;
    private final ScheduledExecutorService scheduler;
    private final SimulatedClock clock;
    private final Duration samplePeriod;
    private final Duration firstTickDelay;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private volatile boolean stopping;
    /** Gone away ({@link #goAway}): its services produce nothing until it comes back. */
    private volatile boolean away;
    private final AtomicBoolean outage = new AtomicBoolean();
    private volatile @Nullable ScheduledFuture<?> ticker;

    /**
     * @param credentials user name and password of the car's CONNECTs, or null for none
     * @param initial the driver settings the car starts with (e.g. privacy mode on)
     */
    public VehicleAgent(VehicleProfile profile, FleetConfig config, FleetNetwork network,
            @Nullable MqttCredentials credentials, DriverSettings initial, UplinkObserver observer) {
        this(profile, config, network, credentials, initial, observer, null);
    }

    /**
     * @param history where the car keeps the downlinks it receives, or null for no history; the uplinks it
     *     sends are the observer's to keep
     */
    public VehicleAgent(VehicleProfile profile, FleetConfig config, FleetNetwork network,
            @Nullable MqttCredentials credentials, DriverSettings initial, UplinkObserver observer,
            @Nullable MessageLog history) {
        this.history = history;
        SharedExecutors executors = network.executors();
        this.profile = profile;
        this.observer = observer;
        Vin vin = profile.vin();
        this.model = new VehicleModel(profile);
        this.lane = executors.laneFor(vin);
        this.scheduler = executors.scheduler();
        this.clock = config.clock();
        Duration real = clock.toReal(config.sampleInterval());
        this.samplePeriod = real.compareTo(REAL_TIME_FLOOR) < 0 ? REAL_TIME_FLOOR : real;
        double phase = Math.floorMod(vin.value().hashCode() * 0x9E3779B1L, 1_000_003L) / 1_000_003.0;
        this.firstTickDelay = Duration.ofNanos((long) (samplePeriod.toNanos() * phase));
        this.connection = new VehicleConnection(vin, config, network, credentials, initial, observer,
                task -> onLane(task), this);
        Instant firstPeriodic = profile.start().plus(Duration.ofNanos((long) (config.reportInterval().toNanos() * phase)));
        this.breakdown = new BreakdownService(connection.channelFor(Service.BREAKDOWN), profile, model);
        this.manual = new ManualService(connection.channelFor(Service.MANUAL), vin, model, config.manualUse());
        this.softwareUpdate = new SoftwareUpdateService(connection.channelFor(Service.SOFTWARE_UPDATE), profile,
                config.softwareUpdate(), config.seed());
        this.maps = new InstalledMaps(profile.maps());
        this.mapUpdate = MapUpdateService.of(connection.channelFor(Service.MAP_UPDATE), maps, config.brokerHost(),
                config.brokerPort(), network, task -> onLane(task), clock::instant);
        // The services of this car, the session first: adding a service means adding a line here.
        this.services = List.of(
                new SessionService(connection.channelFor(Service.LOGIN), profile, () -> logIn(false)),
                new SmartService(connection.channelFor(Service.SMART_SERVICE), profile, model, config.thresholds(),
                        config.reportInterval(), firstPeriodic),
                breakdown, manual, softwareUpdate, mapUpdate);
    }

    /**
     * Starts connecting, and the sampling timer once the car is first connected (or starts silent): while
     * a fleet ramps up, cars that were never online take no CPU from the connects and fill no outbox.
     * Idempotent.
     */
    public void start() {
        if (stopping || !started.compareAndSet(false, true)) {
            return;
        }
        connection.firstConnect().thenRun(this::startTimer);
        onLane(connection::start);
    }

    private void startTimer() {
        if (stopping) {
            return;
        }
        try {
            ScheduledFuture<?> timer = scheduler.scheduleAtFixedRate(this::queueTick, firstTickDelay.toNanos(),
                    samplePeriod.toNanos(), TimeUnit.NANOSECONDS);
            ticker = timer;
            if (stopping) {
                timer.cancel(false);
            }
        } catch (RejectedExecutionException fleetStopped) {
            LOG.debug("{}: fleet stopped, no timer", vin());
        }
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
        // a map check's own connection closes with the car; no entitlement request leaves meanwhile
        mapUpdate.closing();
        CompletableFuture<Void> maps = new CompletableFuture<>();
        if (!onLane(() -> mapUpdate.close().whenComplete((ok, error) -> maps.complete(null)))) {
            maps.complete(null);
        }
        return connection.stop().thenCombine(maps, (a, b) -> null);
    }

    /** A session starts: every service in turn, the login first. */
    @Override
    public CompletableFuture<Void> logIn(boolean newBoot) {
        Instant now = advance();
        return forEachService(service -> service.sessionStarted(now));
    }

    @Override
    public void downlink(Downlink downlink) {
        VehicleService target = services.stream().filter(s -> s.service() == downlink.service()).findFirst().orElse(null);
        if (target == null) {
            observer.malformedDownlink("no service of this car handles down/" + downlink.service().downlinkLevel());
            return;
        }
        if (history != null) {
            history.received(downlink.service(), downlink.envelope());
        }
        try {
            Instant now = advance();
            target.downlink(downlink.envelope(), now);
            if (downlink.envelope().hasCollectionConfig()) { // its poll interval is the software update's
                softwareUpdate.collectionConfig(downlink.envelope().getCollectionConfig(), now);
            }
        } catch (IllegalArgumentException e) {
            observer.malformedDownlink(downlink.envelope().getBodyCase() + " refused: " + e.getMessage());
        }
    }

    private void queueTick() {
        if (tickQueued.compareAndSet(false, true)) {
            onLane(() -> {
                tickQueued.set(false);
                tick();
            });
        }
    }

    /** One evaluation: advance the model, then every service sees the new time. */
    void tick() {
        if (stopping) {
            return;
        }
        Instant now = advance();
        if (!away) {
            services.forEach(service -> service.tick(now));
        }
    }

    private Instant advance() {
        Instant now = clock.instant();
        model.advanceTo(now);
        return now;
    }

    private CompletableFuture<Void> forEachService(Function<VehicleService, CompletableFuture<Void>> step) {
        List<CompletableFuture<Void>> all = new ArrayList<>(services.size());
        services.forEach(service -> all.add(step.apply(service)));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> changeSettings(UnaryOperator<DriverSettings> change) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        boolean queued = onLane(() -> {
            VehicleConnection.SettingsUpdate update = connection.apply(change.apply(connection.settings()));
            Instant now = advance();
            CompletableFuture<Void> reactions = forEachService(s -> s.settingsChanged(update.change(), now));
            CompletableFuture.allOf(update.done(), reactions).whenComplete((ok, error) -> result.complete(null));
        });
        if (!queued) {
            result.completeExceptionally(new IllegalStateException("vehicle " + vin() + " is stopped"));
        }
        return result;
    }

    /** Runs {@code step} on the lane; its future, or a failed one when the vehicle is stopped. */
    private CompletableFuture<Void> onLaneThen(java.util.function.Supplier<CompletableFuture<Void>> step) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        boolean queued = onLane(() -> step.get().whenComplete((ok, error) -> result.complete(null)));
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

    /** Whether the car wants a connection and has none yet; any thread. */
    public boolean connecting() {
        return connection.connecting();
    }

    /** Messages waiting in the car's outbox; any thread. */
    public int buffered() {
        return connection.buffered();
    }

    /** Messages waiting in the car's outbox, per service; only once the fleet's lanes have stopped. */
    public Map<Service, Integer> bufferedByService() {
        return connection.bufferedByService();
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
    public MessageHistory history() {
        if (history == null) {
            throw new IllegalStateException("vehicle " + vin() + " keeps no history; create the fleet with "
                    + "FleetConfig.builder().history(N)");
        }
        return history;
    }

    @Override
    public CompletableFuture<Void> sendSmartServiceReport() {
        if (stopping) {
            return CompletableFuture.failedFuture(new IllegalStateException("vehicle " + vin() + " is stopped"));
        }
        return onLaneThen(() -> smartService().map(smartService -> smartService.reportNow(advance()))
                .orElseGet(() -> CompletableFuture.completedFuture(null)));
    }

    @Override
    public CompletableFuture<Void> requestAppointment(@Nullable String dealerId, boolean navigate) {
        if (stopping) {
            return CompletableFuture.failedFuture(new IllegalStateException("vehicle " + vin() + " is stopped"));
        }
        return onLaneThen(() -> smartService().filter(s -> !away)
                .map(smartService -> smartService.requestAppointment(dealerId, navigate, advance()))
                .orElseGet(() -> CompletableFuture.completedFuture(null)));
    }

    @Override
    public Optional<NavigationDestination> navigationDestination() {
        return smartService().flatMap(SmartService::navigationDestination);
    }

    private Optional<SmartService> smartService() {
        return services.stream().filter(SmartService.class::isInstance).map(SmartService.class::cast).findFirst();
    }

    @Override
    public CompletableFuture<BreakdownCallResult> callBreakdown(boolean consentAssistance, boolean consentDealer) {
        CompletableFuture<BreakdownCallResult> result = new CompletableFuture<>();
        boolean queued = !stopping && onLane(() -> breakdown.call(consentAssistance, consentDealer, advance())
                .whenComplete((outcome, error) -> result.complete(outcome)));
        if (!queued) {
            result.completeExceptionally(new IllegalStateException("vehicle " + vin() + " is stopped"));
        }
        return result;
    }

    @Override
    public CompletableFuture<Optional<ManualLinks>> showManualMessage(String messageCode) {
        return onLaneAnswer(() -> away ? CompletableFuture.completedFuture(Optional.empty())
                : manual.showMessage(messageCode, advance()));
    }

    @Override
    public CompletableFuture<Void> openManualChapter(String chapterId) {
        return onLaneAnswer(() -> away ? CompletableFuture.completedFuture(null)
                : manual.openChapter(chapterId, advance()));
    }

    @Override
    public CompletableFuture<Void> setManualFavourite(String chapterId, boolean favourite) {
        return onLaneAnswer(() -> away ? CompletableFuture.completedFuture(null)
                : manual.favourite(chapterId, favourite, advance()));
    }

    @Override
    public CompletableFuture<Optional<ProfileOutcome>> requestManualProfile(String name, String userId) {
        return onLaneAnswer(() -> away ? CompletableFuture.completedFuture(Optional.empty())
                : manual.requestProfile(name, userId, advance()));
    }

    @Override
    public List<ManualLinks> manualLinks() {
        return manual.received();
    }

    @Override
    public List<String> manualFavourites() {
        return manual.favourites();
    }

    /** Runs {@code step} on the lane and passes on its outcome (also its failure); failed once stopped. */
    private <T> CompletableFuture<T> onLaneAnswer(java.util.function.Supplier<CompletableFuture<T>> step) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean queued = !stopping && onLane(() -> {
            try {
                step.get().whenComplete((value, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        if (!queued) {
            result.completeExceptionally(new IllegalStateException("vehicle " + vin() + " is stopped"));
        }
        return result;
    }

    @Override
    public CompletableFuture<Void> decideUpdate(UpdateDecision decision) {
        Objects.requireNonNull(decision, "decision");
        return onLaneThen(() -> away ? CompletableFuture.completedFuture(null)
                : softwareUpdate.decide(decision, advance()));
    }

    @Override
    public UpdateProgress updateProgress() {
        return softwareUpdate.progress();
    }

    @Override
    public CompletableFuture<Void> injectInstallFailure(String reason) {
        Objects.requireNonNull(reason, "reason");
        return onLaneThen(() -> {
            softwareUpdate.injectInstallFailure(reason);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public List<InstalledVersion> installedMaps() {
        return maps.current();
    }

    @Override
    public DrivingState drivingState() {
        return model.state(clock.instant());
    }

    @Override
    public CompletableFuture<Void> startVehicle() {
        return onLaneThen(() -> {
            Instant now = advance();
            if (model.state(now) != DrivingState.PARKED) {
                return CompletableFuture.completedFuture(null);
            }
            model.switchIgnitionOn(now);
            return away ? CompletableFuture.completedFuture(null) : forEachService(s -> s.vehicleStarted(now));
        });
    }

    @Override
    public CompletableFuture<Void> drive(Duration duration, double distanceKm) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a trip must last longer than 0, was " + duration);
        }
        if (!(distanceKm >= 0) || Double.isInfinite(distanceKm)) {
            throw new IllegalArgumentException("a trip's distance must be 0 km or more, was " + distanceKm);
        }
        return onLaneThen(() -> {
            Instant now = advance();
            boolean start = model.state(now) == DrivingState.PARKED && !away;
            model.startTrip(now, duration, distanceKm);
            return start ? forEachService(s -> s.vehicleStarted(now)) : CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Void> park() {
        return onLaneThen(() -> {
            model.park(clock.instant());
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Void> visitWorkshop() {
        return onLaneThen(() -> {
            model.serviceAt(clock.instant());
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Void> injectFault(Fault fault) {
        fault.requireFits(profile);
        return onLaneThen(() -> {
            model.inject(fault, clock.instant());
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public Set<Fault> activeFaults() {
        return model.activeFaults();
    }

    @Override
    public CompletableFuture<Void> requestReport() {
        return onLaneThen(() -> {
            Instant now = advance();
            return away ? CompletableFuture.completedFuture(null) : forEachService(s -> s.reportRequested(now));
        });
    }

    @Override
    public CompletableFuture<Void> networkOutage(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("an outage must last longer than 0, was " + duration);
        }
        if (!outage.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return onLaneThen(() -> {
            CompletableFuture<Void> left = away ? CompletableFuture.completedFuture(null)
                    : connection.leaveNetwork(false);
            scheduler.schedule(() -> onLane(() -> {
                outage.set(false);
                if (!away) {
                    connection.rejoinNetwork();
                }
            }), clock.toReal(duration).toNanos(), TimeUnit.NANOSECONDS);
            return left;
        });
    }

    @Override
    public boolean networkAvailable() {
        return !outage.get();
    }

    @Override
    public CompletableFuture<Void> goAway() {
        return onLaneThen(() -> {
            if (away) {
                return CompletableFuture.completedFuture(null);
            }
            away = true;
            model.park(clock.instant());
            return connection.leaveNetwork(true);
        });
    }

    @Override
    public CompletableFuture<Void> comeBack() {
        return onLaneThen(() -> {
            if (!away) {
                return CompletableFuture.completedFuture(null);
            }
            away = false;
            return outage.get() ? CompletableFuture.completedFuture(null) : connection.rejoinNetwork();
        });
    }

    @Override
    public boolean away() {
        return away;
    }

    @Override
    public CompletableFuture<Void> evaluateNow() {
        return onLaneThen(() -> {
            tick();
            return connection.settled();
        });
    }

    @Override
    public String toString() {
        return "EmulatedVehicle[" + vin() + ", " + profile.modelLine().modelCode() + " MY" + profile.modelYear() + "]";
    }
}
