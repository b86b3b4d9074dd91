package io.pcmsim.backend.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.WriterState;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.StoreQueries;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.backend.testing.Handlers;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several writer lanes on one in-memory H2 database, with recorded acknowledgements instead of MQTT. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WriterLanesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final IngestCounters counters = new IngestCounters();
    private final List<UplinkStore> stores = new ArrayList<>();
    private WriterLanes lanes;

    @AfterEach
    void stop() {
        if (lanes != null) {
            lanes.drain().join();
        }
        stores.forEach(UplinkStore::close);
    }

    private Database start(int count) {
        Database database = Database.of("jdbc:h2:mem:lanes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        database.migrate(Handlers.locations());
        for (int i = 0; i < count; i++) {
            stores.add(UplinkStore.open(database, Handlers.standard(), Clock.systemUTC()));
        }
        lanes = new WriterLanes(count, 10_000, Clock.systemUTC());
        lanes.start(stores, new UplinkValidator(ContentLimits.withTimeWindow(Duration.ofDays(365), Duration.ofDays(1))),
                counters, 50, Duration.ofMillis(20));
        return database;
    }

    @Test
    void lane_ofAVehicle_isTheSameForEveryServiceAndSpreadsTheFleet() {
        int[] perLane = new int[2];
        for (int i = 0; i < 5_000; i++) {
            Vin vin = Uplinks.randomVin();
            int lane = WriterLanes.lane(Topics.uplink(vin, Service.LOGIN), 2);
            for (Service s : Service.values()) {
                assertThat(WriterLanes.lane(Topics.uplink(vin, s), 2)).as("%s on %s", vin, s).isEqualTo(lane);
            }
            perLane[lane]++;
        }

        assertThat(perLane[0]).isBetween(2_200, 2_800);
        assertThat(WriterLanes.lane("not/an/uplink", 3)).isBetween(0, 2);
        assertThat(WriterLanes.lane(Topics.ROOT, 3)).isBetween(0, 2);
        assertThat(WriterLanes.lane(Topics.uplink(Uplinks.randomVin(), Service.LOGIN), 1)).isZero();
    }

    @Test
    void lanes_storeEveryMessageOnce_andAcknowledgeEachVehiclesMessagesInArrivalOrder() {
        Database database = start(3);
        List<Vin> vins = IntStream.range(0, 40).mapToObj(i -> Uplinks.randomVin()).toList();
        Map<Vin, List<Integer>> acknowledged = new ConcurrentHashMap<>();
        for (int seq = 1; seq <= 20; seq++) {
            for (Vin vin : vins) {
                int s = seq;
                var envelope = seq == 1 ? Uplinks.login(vin, 1, 1) : Uplinks.smartService(vin, 1, seq,
                        Uplinks.wornState(seq));
                Service service = seq == 1 ? Service.LOGIN : Service.SMART_SERVICE;
                assertThat(lanes.offer(new InboundMessage(Topics.uplink(vin, service), envelope.toByteArray(), NOW,
                        () -> acknowledged.computeIfAbsent(vin, k -> new CopyOnWriteArrayList<>()).add(s)))).isTrue();
            }
        }
        // one duplicate per vehicle: stored once, acknowledged again
        vins.forEach(vin -> lanes.offer(new InboundMessage(Topics.uplink(vin, Service.SMART_SERVICE),
                Uplinks.smartService(vin, 1, 20, Uplinks.wornState(20)).toByteArray(), NOW,
                () -> acknowledged.get(vin).add(21))));

        await().atMost(Duration.ofSeconds(20)).until(() -> counters.storedCount() + counters.duplicateCount() == 840);

        assertThat(counters.storedCount()).isEqualTo(800);
        assertThat(counters.duplicateCount()).isEqualTo(40);
        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged.values().stream().mapToInt(List::size).sum()
                == 840);
        for (Vin vin : vins) {
            assertThat(acknowledged.get(vin)).as("%s", vin).isSorted().hasSize(21);
            assertThat(new StoreQueries(database).storedMessages(vin)).isEqualTo(20);
        }
        assertThat(lanes.health().writer()).isEqualTo(WriterState.RUNNING);
        assertThat(lanes.size()).isZero();
    }

    @Test
    void health_isTheWorstLanes_andDrainStopsEveryLane() {
        start(2);

        assertThat(lanes.health().writer()).isEqualTo(WriterState.RUNNING);
        lanes.drain().join();
        assertThat(lanes.health().writer()).isEqualTo(WriterState.STOPPED);
    }

    @Test
    void lanes_outOfRange_areRefused() {
        assertThatThrownBy(() -> new WriterLanes(0, 10, Clock.systemUTC())).hasMessageContaining("1 to 16");
        assertThatThrownBy(() -> new WriterLanes(17, 10, Clock.systemUTC())).hasMessageContaining("was 17");
    }
}
