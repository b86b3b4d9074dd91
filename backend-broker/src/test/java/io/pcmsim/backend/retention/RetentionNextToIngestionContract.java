package io.pcmsim.backend.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.Handlers;
import io.pcmsim.backend.testing.ManualClock;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A retention run deleting many expired messages while a car keeps sending: the backend stores every new
 * message (none lost), keeps storing during the run (not blocked), and the run deletes exactly the expired ones.
 * The store is H2 or PostgreSQL ({@link #jdbcUrl()}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class RetentionNextToIngestionContract {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final int EXPIRED = 10_000;

    /** The backend inside the broker: a car's publish is acknowledged once it is stored. */
    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension(EmbeddedBroker.Builder::inProcessIngest);
    private static final Logger LOG = LoggerFactory.getLogger(RetentionNextToIngestionContract.class);

    @TempDir
    Path dataDir;
    private @Nullable Backend backend;

    /** The store; null for the backend's H2 file. */
    abstract @Nullable String jdbcUrl();

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aRunDeletingThousandsOfMessages_neitherLosesNorHoldsUpWhatCarsSendMeanwhile() throws Exception {
        ManualClock clock = new ManualClock(NOW);
        BackendConfig.Builder config = BackendConfig.builder().dataDir(dataDir).clock(clock);
        if (jdbcUrl() != null) {
            config.jdbcUrl(jdbcUrl());
        }
        Backend b = Backend.inProcess(config.build(), BROKER.broker());
        backend = b;
        b.start().get(60, TimeUnit.SECONDS);
        writeExpiredBreakdowns(Database.of(b.config().jdbcUrl()), NOW.minus(Duration.ofDays(30)));

        Vin car = Uplinks.randomVin();
        long[] storedAround = new long[3];
        CompletableFuture<RetentionRun> deletion;
        int published = 0;
        long slowest = 0;
        try (TestPublisher publisher = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            publisher.publish(Service.SMART_SERVICE, Uplinks.smartService(car, 1, ++published, Uplinks.healthyState(1)));
            deletion = CompletableFuture.supplyAsync(() -> {
                storedAround[0] = b.stats().stored();
                long started = System.nanoTime();
                RetentionRun r = b.retention().run(clock.instant(), RetentionTrigger.API);
                storedAround[2] = System.nanoTime() - started;
                storedAround[1] = b.stats().stored();
                return r;
            });
            while (!deletion.isDone() || published < 20) {
                long started = System.nanoTime();
                publisher.publish(Service.SMART_SERVICE,
                        Uplinks.smartService(car, 1, ++published, Uplinks.healthyState(published)));
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
        }
        RetentionRun result = deletion.get(60, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(storedAround[2]);
        LOG.info("deleting {} messages next to a car took {} ms: {} stored meanwhile, slowest acknowledgement {} ms",
                EXPIRED, took.toMillis(), storedAround[1] - storedAround[0], TimeUnit.NANOSECONDS.toMillis(slowest));

        assertThat(b.storedMessages(car)).as("every acknowledged message is stored").isEqualTo(published);

        assertThat(result.outcome()).isEqualTo(RetentionRun.Outcome.COMPLETED);
        assertThat(result.of("breakdown").orElseThrow().deleted()).isEqualTo(EXPIRED);
        assertThat(result.of("smart-service").orElseThrow().deleted()).isZero();
        assertThat(count(b, "SELECT COUNT(*) FROM uplink_message WHERE service = 'breakdown'")).isZero();
        assertThat(b.stats().rejectedTotal()).isZero();
        assertThat(b.health().storing()).isTrue();
        assertThat(storedAround[1] - storedAround[0])
                .as("messages stored while the run deleted %d (%s)", EXPIRED, took)
                .isPositive();
    }

    private static void writeExpiredBreakdowns(Database database, Instant receivedAt) {
        try (UplinkStore store = UplinkStore.open(database, Handlers.standard(), new ManualClock(receivedAt))) {
            List<UplinkRecord> batch = new ArrayList<>();
            for (int i = 0; i < EXPIRED; i++) {
                UplinkEnvelope e = Uplinks.breakdown(Uplinks.randomVin(), 1, 1);
                batch.add(new UplinkRecord(UplinkCodec.header(e.getHeader()), Service.BREAKDOWN, e, e.toByteArray(),
                        receivedAt));
                if (batch.size() == 500) {
                    store.write(batch);
                    batch.clear();
                }
            }
        }
    }

    private static long count(Backend backend, String sql) throws SQLException {
        try (Connection c = Database.of(backend.config().jdbcUrl()).connect();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
