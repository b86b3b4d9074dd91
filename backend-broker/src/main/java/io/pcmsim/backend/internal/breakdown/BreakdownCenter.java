package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.breakdown.BreakdownCalls;
import io.pcmsim.backend.breakdown.BreakdownCase;
import io.pcmsim.backend.breakdown.BreakdownCounts;
import io.pcmsim.backend.breakdown.Consents;
import io.pcmsim.backend.internal.downlink.DownlinkPublisher;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.proto.v1.DataPullRequest;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's breakdown calls: app calls (case, then data pull over the backend's downlink path), the
 * queries, and the sweep that times out unanswered pulls, once a second on one thread of its own, against
 * the backend's clock. Thread-safe.
 */
public final class BreakdownCenter implements BreakdownCalls, AutoCloseable {

    /** How often the sweep looks for pulls past their deadline, real time. */
    static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(BreakdownCenter.class);

    private final Database database;
    private final DownlinkPublisher downlinks;
    private final Clock clock;
    private final Duration pullTimeout;
    private final CaseReads reads;
    private @Nullable ScheduledExecutorService sweeper;

    public BreakdownCenter(Database database, DownlinkPublisher downlinks, Clock clock, Duration pullTimeout,
            KnowledgeBase knowledge) {
        this.database = Objects.requireNonNull(database, "database");
        this.downlinks = Objects.requireNonNull(downlinks, "downlinks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pullTimeout = Objects.requireNonNull(pullTimeout, "pullTimeout");
        this.reads = new CaseReads(database, knowledge);
    }

    /** Starts the sweep (the schema must be migrated); idempotent. */
    public synchronized void start() {
        if (sweeper != null) {
            return;
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "pcmsim-breakdown-sweep");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(this::sweep, SWEEP_PERIOD.toMillis(), SWEEP_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        sweeper = s;
    }

    /** Stops the sweep; idempotent. */
    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    private void sweep() {
        try {
            timeOutPulls();
        } catch (RuntimeException e) {
            LOG.warn("breakdown pull sweep failed, next try in {}: {}", SWEEP_PERIOD, e.getMessage());
        }
    }

    @Override
    public CompletableFuture<BreakdownCase> placeAppCall(Vin vin, Consents consents) {
        String caseId = UUID.randomUUID().toString();
        String callId = UUID.randomUUID().toString();
        String pullId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        write("open the app call of " + vin, c -> CaseStore.openAppCall(c, caseId, vin, callId, pullId, now,
                now.plus(pullTimeout), consents));
        DownlinkEnvelope.Builder pull = DownlinkEnvelope.newBuilder()
                .setDataPullRequest(DataPullRequest.newBuilder().setRequestId(pullId).setCallId(callId));
        CompletableFuture<String> sent;
        try {
            sent = downlinks.send(vin, pull);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handleAsync((messageId, error) -> {
            if (error != null) {
                String reason = "the data pull could not be sent: " + rootMessage(error);
                LOG.warn("{}: {}", vin, reason);
                write("close case " + caseId, c -> CaseStore.pullNotSent(c, caseId, reason));
            }
            return find(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId + " vanished"));
        });
    }

    @Override
    public Optional<BreakdownCase> find(String caseId) {
        return reads.find(caseId);
    }

    @Override
    public List<BreakdownCase> recent(int limit) {
        return reads.recent(limit);
    }

    @Override
    public List<BreakdownCase> ofVehicle(Vin vin) {
        return reads.ofVehicle(vin);
    }

    @Override
    public BreakdownCounts counts() {
        return reads.counts();
    }

    @Override
    public int timeOutPulls() {
        int[] timedOut = new int[1];
        write("time out data pulls", c -> timedOut[0] = CaseStore.timeOut(c, clock.instant(),
                "no answer from the car within " + words(pullTimeout)));
        if (timedOut[0] > 0) {
            LOG.info("{} breakdown data pulls timed out: no answer from the car", timedOut[0]);
        }
        return timedOut[0];
    }

    /** A statement on a connection of its own (auto-commit). */
    private interface Write {
        void run(Connection c) throws SQLException;
    }

    private void write(String what, Write write) {
        try (Connection c = database.connect()) {
            write.run(c);
        } catch (SQLException e) {
            throw new StorageException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static String words(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
