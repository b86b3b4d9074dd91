package io.pcmsim.backend;

import io.pcmsim.backend.breakdown.BreakdownCalls;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.internal.breakdown.BreakdownCenter;
import io.pcmsim.backend.internal.breakdown.BreakdownHandler;
import io.pcmsim.backend.internal.breakdown.DealerChoice;
import io.pcmsim.backend.internal.breakdown.KnowledgeBase;
import io.pcmsim.backend.softwareupdate.SoftwareUpdates;
import io.pcmsim.backend.smartservice.SmartService;
import io.pcmsim.backend.internal.broker.UplinkIntake;
import io.pcmsim.backend.internal.ingest.ContentLimits;
import io.pcmsim.backend.internal.ingest.IngestCounters;
import io.pcmsim.backend.internal.ingest.InProcessUplinkSource;
import io.pcmsim.backend.internal.ingest.MqttUplinkSource;
import io.pcmsim.backend.internal.ingest.UplinkSource;
import io.pcmsim.backend.internal.ingest.UplinkValidator;
import io.pcmsim.backend.internal.ingest.WriterLanes;
import io.pcmsim.backend.internal.breakdown.BreakdownRetention;
import io.pcmsim.backend.internal.mapupdate.MapUpdateCentre;
import io.pcmsim.backend.internal.mapupdate.MapUpdateHandler;
import io.pcmsim.backend.mapprovider.MapProviderConfig;
import io.pcmsim.backend.mapupdate.MapUpdates;
import io.pcmsim.backend.internal.retention.RetentionClasses;
import io.pcmsim.backend.internal.retention.RetentionJob;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.session.SessionDownlinks;
import io.pcmsim.backend.internal.session.SessionHandler;
import io.pcmsim.backend.identity.IdentityRegistry;
import io.pcmsim.backend.internal.identity.AutoEnrolment;
import io.pcmsim.backend.internal.identity.IdentityStore;
import io.pcmsim.backend.internal.manual.ManualHandler;
import io.pcmsim.backend.internal.manual.ManualIndex;
import io.pcmsim.backend.manual.OwnersManual;
import io.pcmsim.backend.internal.session.SessionQueries;
import io.pcmsim.backend.internal.softwareupdate.SoftwareUpdateCenter;
import io.pcmsim.backend.internal.smartservice.MaintenanceQueries;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.internal.smartservice.SmartServiceHandler;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StoreQueries;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.backend.internal.downlink.DownlinkPublisher;
import io.pcmsim.backend.retention.Retention;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend: consumes every uplink message from the broker, validates it, stores it once per (vin,
 * boot id, sequence) and hands it to its service's handler (session: the login; Smart Service: reports,
 * and each vehicle's maintenance needs derived from its newest state). The composition root: the
 * services are registered here.
 *
 * <p>Two ways to the broker, the same writers behind both:
 * <ul>
 * <li>{@link #create} subscribes over MQTT (a persistent session, a shared subscription) to any broker.
 * A QoS 1 message is acknowledged to the broker only after its batch is committed (or after it was
 * rejected); whatever is unacknowledged when the backend stops or dies is redelivered to the next
 * backend with the same {@link BackendConfig#clientId()} (session expiry 1 day).
 * <li>{@link #inProcess} takes the uplinks inside an {@link EmbeddedBroker} of the same process, with no
 * broker queue in between: the broker acknowledges a car's publish (PUBACK) only after the backend stored
 * or rejected it, so a slow store slows the cars down instead of building a backlog. What it took and did
 * not store when it stops is given back to the cars (disconnected, they send it again).
 * </ul>
 *
 * <p>Threads: the MQTT client's threads, or the broker's extension threads, decode and validate each message
 * and enqueue it; the writer lanes ({@link BackendConfig#writers()}, each a thread with a connection of its own,
 * a vehicle always on the same lane) store and acknowledge. The query methods are thread-safe and read
 * committed data from the database.
 * {@link #start()} and {@link #stop()} are idempotent; a stopped backend cannot be started again.
 */
public final class Backend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 60;
    private static final int RECEIVE_MAXIMUM = 65_535;

    private final BackendConfig config;
    private final Database database;
    private final List<ServiceHandler> handlers;
    private final StoreQueries queries;
    private final MaintenanceQueries maintenance;
    private final SessionQueries sessions;
    private final IdentityStore identity;
    private final IngestCounters counters = new IngestCounters();
    private final WriterLanes lanes;
    private final UplinkSource source;
    private final DownlinkPublisher downlinks;
    private final BreakdownCenter breakdown;
    private final RetentionJob retention;
    private final SmartService smartService;
    private final OwnersManual manual;
    private final SoftwareUpdateCenter softwareUpdate;
    private final MapUpdateCentre mapUpdate;

    private final Object lock = new Object();
    private @Nullable CompletableFuture<Void> started;
    private @Nullable CompletableFuture<Void> stopped;
    private final UplinkValidator validator;
    private final List<UplinkStore> stores = new ArrayList<>();

    private Backend(BackendConfig config, @Nullable UplinkIntake intake, String brokerHost, int brokerPort) {
        this.config = config;
        this.database = Database.of(config.jdbcUrl());
        this.queries = new StoreQueries(database);
        this.sessions = new SessionQueries(database);
        this.identity = new IdentityStore(database, config.clock());
        // The broker may have at most RECEIVE_MAXIMUM unacknowledged messages out to us, so a lane's queue (room
        // for them twice: stale ones of a lost connection plus their redeliveries) cannot overflow. The
        // MQTT maximum, not a smaller value: Mosquitto 2.0.11 was seen overshooting a receive maximum of 200,
        // which the client treats as a protocol error (disconnect, redelivery, again).
        this.lanes = new WriterLanes(config.writers(), 2 * RECEIVE_MAXIMUM, config.clock());
        this.validator = new UplinkValidator(
                ContentLimits.withTimeWindow(config.vehicleTimeBehind(), config.vehicleTimeAhead()));
        this.source = intake != null
                ? new InProcessUplinkSource(intake, lanes, counters, validator, config.clock())
                : new MqttUplinkSource(config.brokerHost(), config.brokerPort(), config.clientId(),
                        Topics.sharedUplinkFilter(config.sharedGroup()), RECEIVE_MAXIMUM, lanes, counters,
                        validator, config.clock());
        this.downlinks = new DownlinkPublisher(source::publish, config.clock());
        DealerDirectory dealers = DealerDirectory.sample();
        this.mapUpdate = new MapUpdateCentre(database, MapProviderConfig.of(brokerHost, brokerPort, config.clock())
                .withClientIdSuffix(config.clientId()), config.clock());
        SmartServiceHandler smartService = SmartServiceHandler.withDownlinks(MaintenanceRules.defaults(),
                dealers, database, downlinks, config.clock());
        ManualHandler manual = new ManualHandler(ManualIndex.shipped(), database, downlinks);
        this.manual = manual.api();
        this.softwareUpdate = new SoftwareUpdateCenter(database, downlinks, config.clock(), config.dataDir());
        // the services: adding one means adding its package and its handler here
        this.handlers = List.of(new SessionHandler(config.autoEnrol() ? new AutoEnrolment() : null), smartService,
                new BreakdownHandler(new DealerChoice(dealers)), manual, softwareUpdate.handler(),
                new MapUpdateHandler(mapUpdate, downlinks));
        this.maintenance = smartService.queries(database);
        this.smartService = smartService.api();
        this.breakdown = new BreakdownCenter(database, downlinks, config.clock(), config.breakdownPullTimeout(),
                KnowledgeBase.shipped());
        this.retention = new RetentionJob(database, RetentionClasses.of(handlers, Map.of()), config.clock(),
                this::migrate, RetentionJob.DEFAULT_BATCH_SIZE);
    }

    /**
     * A backend that subscribes over MQTT to the broker in {@code config}; does nothing until {@link #start()}.
     */
    public static Backend create(BackendConfig config) {
        return new Backend(config, null, config.brokerHost(), config.brokerPort());
    }

    /**
     * A backend that takes the uplinks inside {@code broker}, which runs in this process; does nothing
     * until {@link #start()}. The broker host, port, client id and shared group of {@code config} are not
     * used. One such backend at a time per broker (another may start after it stopped).
     *
     * @throws IllegalArgumentException when the broker was not built with
     *         {@link EmbeddedBroker.Builder#inProcessIngest()}
     */
    public static Backend inProcess(BackendConfig config, EmbeddedBroker broker) {
        UplinkIntake intake = broker.uplinkIntake().orElseThrow(() -> new IllegalArgumentException(
                "the embedded broker was built without inProcessIngest(); build it with"
                        + " EmbeddedBroker.builder().inProcessIngest() or use Backend.create to subscribe over MQTT"));
        return new Backend(config, intake, broker.host(), broker.port());
    }

    /**
     * Migrates the schema (Flyway), opens the store, starts the writer, connects and subscribes (or
     * attaches to the embedded broker). Idempotent: later calls return the same outcome.
     *
     * @return completes when the broker acknowledged the subscription (or the backend is attached);
     *         completes exceptionally (and
     *         releases what was opened) when the database or the broker is not usable
     */
    public CompletableFuture<Void> start() {
        synchronized (lock) {
            if (stopped != null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "backend " + config.clientId() + " was stopped; create a new one"));
            }
            if (started == null) {
                started = CompletableFuture.runAsync(this::openStore, Backend::oneShotThread)
                        .thenCompose(v -> source.start())
                        .whenComplete((v, e) -> {
                            if (e != null) {
                                LOG.error("backend {} did not start: {}", config.clientId(), e.getMessage());
                                stop();
                            }
                        });
            }
            return started.copy();
        }
    }

    private void openStore() {
        if (config.usesDefaultDatabase()) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
            }
        }
        migrate();
        synchronized (lock) {
            for (int i = 0; i < lanes.lanes(); i++) {
                stores.add(UplinkStore.open(database, handlers, config.clock()));
            }
        }
        lanes.start(List.copyOf(stores), validator, counters, config.batchSize(), config.maxBatchDelay());
        breakdown.start();
        retention.startDaily();
        mapUpdate.start();
    }

    private void migrate() {
        List<String> locations = new ArrayList<>(handlers.stream().map(ServiceHandler::migrationLocation).toList());
        locations.add(IdentityStore.MIGRATIONS);
        locations.add(RetentionJob.MIGRATIONS);
        database.migrate(locations);
    }

    /**
     * Stops taking messages, stores and acknowledges what is queued, disconnects (keeping the session;
     * in-process: gives what was not stored back to its cars) and closes the store. Idempotent; waits for a start in progress. No thread of the backend stays.
     */
    public CompletableFuture<Void> stop() {
        synchronized (lock) {
            if (stopped == null) {
                CompletableFuture<Void> afterStart = started == null
                        ? CompletableFuture.completedFuture(null)
                        : started.handle((v, e) -> null);
                stopped = afterStart.thenCompose(v -> shutDown());
            }
            return stopped.copy();
        }
    }

    private CompletableFuture<Void> shutDown() {
        retention.close();
        source.stopConsuming();
        breakdown.close();
        mapUpdate.stop();
        return lanes.drain().handle((v, e) -> null)
                .thenCompose(v -> source.disconnect())
                .thenRun(() -> {
                    List<UplinkStore> opened;
                    synchronized (lock) {
                        opened = List.copyOf(stores);
                    }
                    opened.forEach(UplinkStore::close);
                    LOG.info("backend {} stopped: {}", config.clientId(), stats());
                });
    }

    /** Stops and waits (at most a minute). Never throws a checked exception. */
    @Override
    public void close() {
        try {
            stop().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("backend {} did not stop cleanly", config.clientId(), e);
        }
    }

    /** Counters since creation; cheap, no database access. */
    public BackendStats stats() {
        return new BackendStats(counters.receivedCount(), counters.storedCount(), counters.duplicateCount(),
                counters.rejectedByReason(), counters.storedByService(), lanes.health().writer(),
                counters.storeRetryCount());
    }

    /**
     * Whether the backend is storing: the writer's state, since when, and the last storage error. Cheap,
     * no database access; a writer that is {@code RETRYING} or {@code FAILED} shows here at once.
     */
    public BackendHealth health() {
        return lanes.health();
    }

    /** The needs the newest states of all vehicles show, derived from the database when asked. */
    public MaintenanceSummary maintenanceSummary() {
        return maintenance.summary();
    }

    /** The needs the newest state of one vehicle shows; empty when it needs nothing or is unknown. */
    public List<MaintenanceNeed> maintenanceNeeds(Vin vin) {
        return maintenance.needs(vin);
    }

    /**
     * Asks a car to log in afresh (a {@code RebirthRequest} on its session downlink topic), e.g. after the
     * backend lost what it knew about the car. Needs a started backend.
     *
     * @param reason why, for the car's log; at most 64 characters
     * @return completes when the broker acknowledged the request; exceptionally when the backend is not
     *         connected or the broker refused it
     * @throws IllegalArgumentException when {@code reason} is longer than 64 characters
     */
    public CompletableFuture<Void> requestRebirth(Vin vin, String reason) {
        return downlinks.send(vin, SessionDownlinks.rebirth(reason)).thenApply(id -> null);
    }

    /**
     * What the backend knows of one vehicle, from the database; empty when none of its messages is
     * stored.
     */
    public Optional<VehicleStatus> vehicleStatus(Vin vin) {
        return queries.seen(vin).map(seen -> new VehicleStatus(vin, seen.firstSeen(), seen.lastSeen(),
                queries.storedMessages(vin), sessions.newestSettings(vin), maintenance.newestState(vin),
                maintenance.needs(vin)));
    }

    /**
     * The identity registry and contracts: users, the owner of each VIN, each VIN's connectivity package.
     * Usable once the backend has started (its tables are created then).
     */
    public IdentityRegistry identity() {
        return identity;
    }

    /**
     * Breakdown calls: the cases, calls placed in the app (which pull the data from the car) and the
     * counts. Usable once the backend has started.
     */
    public BreakdownCalls breakdown() {
        return breakdown;
    }

    /**
     * The retention job: runs daily on the backend's clock while the backend runs, on demand at any time (also
     * before {@link #start()}: it migrates the schema then), and lists its runs.
     */
    public Retention retention() {
        return retention;
    }

    /**
     * Smart Service for its users: collection configs, needs with their lifecycle, preferred dealers and
     * appointments (at the sample dealers, {@link DealerDirectory#sample()}). Usable once the backend has started.
     */
    public SmartService smartService() {
        return smartService;
    }

    /**
     * The owner's manual: profiles, favourites and recently visited chapters per car, the chapters linked to
     * each message code (the sample index {@link ManualIndex#SHIPPED}), anonymised usage statistics and the
     * counts. Usable once the backend has started.
     */
    public OwnersManual manual() {
        return manual;
    }

    /**
     * Online software update for its operators: signed releases, campaigns in waves, progress, the release public
     * key (generated into the data folder at first use). Usable once the backend has started.
     */
    public SoftwareUpdates softwareUpdate() {
        return softwareUpdate;
    }

    /**
     * Online map update: the map provider's catalogue, the transfers documented by key, key revocation and the
     * counts. The map provider runs in this process on the same broker. Usable once the backend has started.
     */
    public MapUpdates mapUpdate() {
        return mapUpdate;
    }

    /** Messages stored for one vehicle (each (boot id, sequence) once). */
    public long storedMessages(Vin vin) {
        return queries.storedMessages(vin);
    }

    /** Messages stored for all of {@code vins} (each VIN counted once), with one query. */
    public long storedMessages(Collection<Vin> vins) {
        return queries.storedMessages(vins);
    }

    /**
     * Messages lost between the cars and the store, counted from the sequence numbers stored per (VIN,
     * boot); from the database (one aggregate query over every stored message).
     */
    public SequenceGaps sequenceGaps() {
        return queries.sequenceGaps();
    }

    public BackendConfig config() {
        return config;
    }

    private static void oneShotThread(Runnable task) {
        Thread t = new Thread(task, "pcmsim-backend-start");
        t.setDaemon(true);
        t.start();
    }
}
