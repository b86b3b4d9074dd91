package io.pcmsim.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.maintenance.MaintenanceRules;
import io.pcmsim.backend.storage.Database;
import io.pcmsim.backend.storage.StoreQueries;
import io.pcmsim.backend.storage.UplinkStore;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writer thread against an in-memory H2 store, with recorded acknowledgements instead of MQTT. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BatchingWriterTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final BlockingQueue<InboundMessage> queue = new ArrayBlockingQueue<>(1_000);
    private final IngestCounters counters = new IngestCounters();
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private Database database;
    private UplinkStore store;
    private BatchingWriter writer;

    @BeforeEach
    void startWriter() {
        database = Database.of("jdbc:h2:mem:writer-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        database.migrate();
        store = UplinkStore.open(database, MaintenanceRules.defaults(), Clock.systemUTC());
        writer = new BatchingWriter(queue, new UplinkValidator(), store, counters, 50, Duration.ofMillis(20));
        writer.start();
    }

    @AfterEach
    void stopWriter() {
        writer.drain().join();
        store.close();
    }

    private void offer(String id, String topic, byte[] payload) {
        queue.add(new InboundMessage(topic, payload, NOW, () -> acknowledged.add(id)));
    }

    private void offer(String id, Service service, UplinkEnvelope e) {
        offer(id, Topics.uplink(io.pcmsim.protocol.Vin.of(e.getHeader().getVin()), service), e.toByteArray());
    }

    @Test
    void writer_whenValidAndInvalidMessagesMixed_storesValidAcknowledgesAllInOrder() {
        Vin vin = Uplinks.randomVin();
        offer("1", Service.LOGIN, Uplinks.login(vin, 1, 1));
        offer("2", Topics.uplink(vin, Service.SMART_SERVICE), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 1});
        offer("3", Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 2, Uplinks.wornState(20)));
        offer("4", Service.BREAKDOWN, Uplinks.smartService(vin, 1, 3, Uplinks.wornState(20)));
        offer("5", Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 2, Uplinks.wornState(20)));

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 5);

        assertThat(acknowledged).containsExactly("1", "2", "3", "4", "5");
        assertThat(counters.storedCount()).isEqualTo(2);
        assertThat(counters.duplicateCount()).isEqualTo(1);
        assertThat(counters.rejectedByReason()).containsOnly(
                java.util.Map.entry("malformed-payload", 1L), java.util.Map.entry("body-topic-mismatch", 1L));
        assertThat(counters.storedByService()).containsOnly(
                java.util.Map.entry("login", 1L), java.util.Map.entry("smart-service", 1L));
        assertThat(new StoreQueries(database).storedMessages(vin)).isEqualTo(2);
    }

    @Test
    void writer_whenMoreMessagesThanBatchSize_storesAllInSeveralBatches() {
        Vin vin = Uplinks.randomVin();
        for (int seq = 1; seq <= 173; seq++) {
            offer("m" + seq, Service.SMART_SERVICE, Uplinks.smartService(vin, 1, seq, Uplinks.healthyState(seq)));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 173);

        assertThat(counters.storedCount()).isEqualTo(173);
        assertThat(new StoreQueries(database).storedMessages(vin)).isEqualTo(173);
    }

    @Test
    void drain_whenMessagesQueued_storesThemBeforeTheThreadEnds() {
        Vin vin = Uplinks.randomVin();
        for (int seq = 1; seq <= 20; seq++) {
            offer("m" + seq, Service.SMART_SERVICE, Uplinks.smartService(vin, 1, seq, Uplinks.healthyState(seq)));
        }

        writer.drain().join();

        assertThat(acknowledged).hasSize(20);
        assertThat(counters.storedCount()).isEqualTo(20);
    }

    @Test
    void writer_whenStoreFailsWhileStopping_leavesBatchUnacknowledged() {
        store.close(); // every write fails from now on
        writer.drain();
        offer("x", Service.SMART_SERVICE, Uplinks.smartService(Uplinks.randomVin(), 1, 1, Uplinks.healthyState(1)));

        writer.drain().join();

        assertThat(acknowledged).isEmpty();
        assertThat(counters.storedCount()).isZero();
    }
}
