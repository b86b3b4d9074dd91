package io.pcmsim.backend.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.WriterState;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StoreQueries;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.backend.testing.Handlers;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
    private final WriterHealth health = new WriterHealth(Clock.systemUTC());
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private Database database;
    private UplinkStore store;
    private BatchingWriter writer;

    @BeforeEach
    void startWriter() {
        database = Database.of("jdbc:h2:mem:writer-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        database.migrate(Handlers.locations());
        store = UplinkStore.open(database, Handlers.standard(), Clock.systemUTC());
        writer = new BatchingWriter(queue, new UplinkValidator(ContentLimits.withTimeWindow(Duration.ofDays(365),
                Duration.ofDays(1))), store, counters, health, 50, Duration.ofMillis(20));
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
    void writer_messagesValidatedWhereTheyArrived_takesThatVerdictAndValidatesTheOthers() {
        Vin vin = Uplinks.randomVin();
        UplinkValidator onArrival = new UplinkValidator(ContentLimits.withTimeWindow(Duration.ofDays(365),
                Duration.ofDays(1)));
        byte[] login = Uplinks.login(vin, 1, 1).toByteArray();
        byte[] report = Uplinks.smartService(vin, 1, 2, Uplinks.wornState(20)).toByteArray();
        byte[] same = Uplinks.smartService(vin, 1, 3, Uplinks.wornState(20)).toByteArray();
        queue.add(new InboundMessage(Topics.uplink(vin, Service.LOGIN), login, NOW, () -> acknowledged.add("1"))
                .validatedBy(onArrival));
        // the verdict it arrived with decides, not the writer's own check (which would accept it)
        queue.add(new InboundMessage(Topics.uplink(vin, Service.SMART_SERVICE), report, NOW, false,
                () -> acknowledged.add("2"), new Validation.Rejected(RejectReason.LIST_TOO_LONG, "checked on arrival")));
        offer("3", Topics.uplink(vin, Service.SMART_SERVICE), same);

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 3);

        assertThat(acknowledged).containsExactly("1", "2", "3");
        assertThat(counters.storedCount()).isEqualTo(2);
        assertThat(counters.rejectedByReason()).containsOnly(java.util.Map.entry("list-too-long", 1L));
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

    private static VehicleSnapshot withDtcs(List<String> codes) {
        return Uplinks.healthyState(10).withDtcs(codes);
    }

    /** Failed on the old code: the 2,440 characters of codes did not fit VARCHAR(2000), and the writer
     *  retried the batch forever, acknowledging nothing. */
    @Test
    void writer_whenOneCarsDtcListExceedsTheStateColumn_storesTheOtherCarsMessages() {
        Vin poisoned = Uplinks.randomVin();
        Vin healthy = Uplinks.randomVin();
        List<String> codes = IntStream.range(0, 40).mapToObj(i -> "P" + String.format("%04d", i) + "x".repeat(55))
                .toList();
        offer("bad", Service.SMART_SERVICE, Uplinks.smartService(poisoned, 1, 1, withDtcs(codes)));
        offer("good", Service.SMART_SERVICE, Uplinks.smartService(healthy, 1, 1, Uplinks.healthyState(10)));

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 2);

        assertThat(new StoreQueries(database).storedMessages(healthy)).isEqualTo(1);
    }

    @Test
    void writer_whenStoreRefusesOneMessageOfABatch_rejectsItAndStoresTheRest() throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE smart_service_vehicle ALTER COLUMN dtcs SET DATA TYPE VARCHAR(10)");
        }
        List<Vin> vins = Uplinks.randomVins(30);
        for (int i = 0; i < vins.size(); i++) {
            List<String> codes = i == 17 ? List.of("P0300", "P0301", "P0302") : List.of();
            offer("m" + i, Service.SMART_SERVICE, Uplinks.smartService(vins.get(i), 1, 1, withDtcs(codes)));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 30);

        assertThat(counters.storedCount()).isEqualTo(29);
        assertThat(counters.rejectedByReason()).containsOnly(Map.entry("store-refused", 1L));
        assertThat(new StoreQueries(database).storedMessages(vins.get(17))).isZero();
        assertThat(new StoreQueries(database).storedMessages(vins.get(16))).isEqualTo(1);
        assertThat(health.current().writer()).isEqualTo(WriterState.RUNNING);
    }

    @Test
    void writer_whenListTooLong_rejectsItBeforeStoring() {
        Vin vin = Uplinks.randomVin();
        List<String> codes = IntStream.range(0, 101).mapToObj(i -> "P" + (1000 + i)).toList();
        offer("bad", Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 1, withDtcs(codes)));

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 1);

        assertThat(counters.rejectedByReason()).containsOnly(Map.entry("list-too-long", 1L));
    }

    @Test
    void writer_whenDatabaseUnavailable_reportsRetryingAndAcknowledgesNothing() {
        store.close(); // every write fails as unavailable from now on
        offer("x", Service.SMART_SERVICE, Uplinks.smartService(Uplinks.randomVin(), 1, 1, Uplinks.healthyState(1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> health.current().writer() == WriterState.RETRYING);

        assertThat(health.current().lastError()).hasValueSatisfying(e -> assertThat(e).contains("closed"));
        assertThat(counters.storeRetryCount()).isPositive();
        assertThat(acknowledged).isEmpty();
    }

    /** Failed before DatabaseFaults.batchAtFault: a missing table made every message "store-refused". */
    @Test
    void writer_whenATableIsMissing_retriesWithoutRejectingAndStoresOnceItIsBack() throws SQLException {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE smart_service_vehicle RENAME TO smart_service_vehicle_away");
        }
        Vin vin = Uplinks.randomVin();
        offer("m", Service.SMART_SERVICE, Uplinks.smartService(vin, 1, 1, Uplinks.healthyState(1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> health.current().writer() == WriterState.RETRYING);
        assertThat(acknowledged).isEmpty();
        assertThat(counters.rejectedByReason()).isEmpty();

        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE smart_service_vehicle_away RENAME TO smart_service_vehicle");
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> acknowledged.size() == 1);

        assertThat(counters.storedCount()).isEqualTo(1);
        assertThat(health.current().writer()).isEqualTo(WriterState.RUNNING);
        assertThat(health.current().lastError()).hasValueSatisfying(e ->
                assertThat(e).containsIgnoringCase("smart_service_vehicle"));
    }
}
