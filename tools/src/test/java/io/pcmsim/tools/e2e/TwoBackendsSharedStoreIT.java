package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.BackendStats;
import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.backend.testing.PostgresSchema;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.e2e.UplinkCapture.Captured;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two backends in one shared subscription group on Mosquitto, storing into one PostgreSQL schema
 * (127.0.0.1:5432), as a cluster of instances would: 300 emulated cars report every simulated hour at
 * 7,200 times real time, and a tenth of what they sent is published again. Every message is stored
 * exactly once, each backend stores a share, and each car's needs are those of its newest state,
 * although its messages reach the two backends in no particular order and both write its vehicle row.
 *
 * <p>The broker is a Mosquitto of the test's own, configured as docs/performance.md says for a cluster
 * (a backend may have a whole batch unacknowledged; nothing queued for it is dropped): with Mosquitto's
 * defaults (20 in flight, 1,000 queued) a backend behind by more than 1,000 messages loses the rest, which
 * would make this test depend on the machine's speed. Skipped without the {@code mosquitto} binary or
 * PostgreSQL, failed with CI=true.
 */
class TwoBackendsSharedStoreIT {

    private static final int CARS = 300;
    private static final int MESSAGES_PER_CAR = 8;

    @TempDir
    Path dataDir;

    @TempDir
    Path brokerDir;

    private PostgresSchema schema;
    private Backend first;
    private Backend second;
    private Fleet fleet;
    private UplinkCapture capture;
    private MosquittoProcess broker;

    @BeforeEach
    void services() throws Exception {
        ExternalServices.requirePostgres();
        broker = MosquittoProcess.prepare(brokerDir, "max_inflight_messages 1000");
        broker.start();
        schema = PostgresSchema.create();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (fleet != null) {
            fleet.close();
        }
        if (capture != null) {
            capture.close();
        }
        for (Backend b : new Backend[] {first, second}) {
            if (b != null) {
                b.close();
            }
        }
        if (schema != null) {
            schema.drop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Timeout(300)
    void twoBackends_whenSharingASubscriptionAndAStore_storeEveryMessageExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2027-03-01T06:00:00Z"), 7200);
        // both instances: the same group and store, their own client id (the broker's session of each)
        first = backend("it-backend-a-" + run, run, clock);
        second = backend("it-backend-b-" + run, run, clock);
        first.start().get(60, TimeUnit.SECONDS);
        second.start().get(60, TimeUnit.SECONDS);
        fleet = Fleet.create(FleetConfig.builder()
                .brokerHost(ExternalServices.HOST).brokerPort(broker.port())
                .vehicles(CARS).seed(System.nanoTime()).reportInterval(Duration.ofHours(1))
                .clock(clock).wallClock(Clock.systemUTC())
                .build());
        List<Vin> vins = fleet.vehicles().stream().map(EmulatedVehicle::vin).toList();
        capture = UplinkCapture.start(ExternalServices.HOST, broker.port(), Set.copyOf(vins));
        fleet.start().get(60, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(storedPerVin().values())
                .hasSize(CARS).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(MESSAGES_PER_CAR)));
        fleet.stop().get(60, TimeUnit.SECONDS);

        // every message a car published (the capture saw it) is stored once, by one of the two
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(storedPerVin())
                .isEqualTo(distinctPerVin(capture.all())));
        assertThat(count("SELECT COUNT(*) FROM (SELECT vin, boot_id, sequence FROM uplink_message"
                + " GROUP BY vin, boot_id, sequence HAVING COUNT(*) > 1) twice")).isZero();
        long rows = count("SELECT COUNT(*) FROM uplink_message");
        assertThat(first.stats().stored()).as("first backend's share").isPositive();
        assertThat(second.stats().stored()).as("second backend's share").isPositive();
        assertThat(first.stats().stored() + second.stats().stored()).isEqualTo(rows);
        assertThat(count("SELECT COUNT(*) FROM login"))
                .as("a login row per stored login").isEqualTo(count("SELECT COUNT(*) FROM uplink_message WHERE body = 'LOGIN'"));
        assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle")).as("a newest state per car").isEqualTo(CARS);
        assertThat(first.stats().rejectedByReason()).isEmpty();
        assertThat(second.stats().rejectedByReason()).isEmpty();

        // published again (a car's redelivery, or a retry after a lost acknowledgement): counted, not stored
        List<Captured> again = capture.all().subList(0, (int) (rows / 10));
        long duplicatesBefore = duplicates();
        try (TestPublisher publisher = TestPublisher.connect(ExternalServices.HOST, broker.port())) {
            for (Captured c : again) {
                publisher.publish(c.topic(), c.payload());
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(duplicates()).isEqualTo(duplicatesBefore + again.size()));
        assertThat(count("SELECT COUNT(*) FROM uplink_message")).isEqualTo(rows);
        assertThat(first.stats().stored() + second.stats().stored()).isEqualTo(rows);

        // the needs are the rules' verdict on each car's newest state, whichever backend stored it
        MaintenanceRules rules = MaintenanceRules.defaults();
        for (Vin vin : vins) {
            Captured newest = capture.newestState(vin).orElseThrow();
            List<MaintenanceNeed> expected = rules.evaluate(vin,
                    UplinkCodec.reportedState(newest.envelope().getSmartService().getState()),
                    Instant.ofEpochMilli(newest.envelope().getHeader().getVehicleTimeMs()));
            assertThat(summary(first.maintenanceNeeds(vin))).as(vin.value()).isEqualTo(summary(expected));
            assertThat(count("SELECT COUNT(*) FROM smart_service_vehicle WHERE vin = '" + vin.value() + "' AND boot_id = "
                    + newest.bootId() + " AND sequence = " + newest.sequence())).as(vin.value()).isEqualTo(1);
        }
    }

    private Backend backend(String clientId, String run, SimulatedClock clock) {
        return Backend.create(BackendConfig.builder()
                .brokerHost(ExternalServices.HOST).brokerPort(broker.port())
                .clientId(clientId).sharedGroup("it-" + run)
                .jdbcUrl(schema.jdbcUrl(clientId))
                .dataDir(dataDir.resolve(clientId)).clock(clock)
                .build());
    }

    private long duplicates() {
        BackendStats a = first.stats();
        BackendStats b = second.stats();
        return a.duplicates() + b.duplicates();
    }

    private static Map<String, Long> distinctPerVin(List<Captured> captured) {
        return captured.stream().collect(Collectors.groupingBy(c -> c.vin().value(),
                Collectors.mapping(c -> c.bootId() + "/" + c.sequence(), Collectors.collectingAndThen(
                        Collectors.toSet(), s -> (long) s.size()))));
    }

    private Map<String, Long> storedPerVin() throws SQLException {
        Map<String, Long> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(schema.jdbcUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT vin, COUNT(*) FROM uplink_message GROUP BY vin")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getLong(2));
            }
        }
        return stored;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(schema.jdbcUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> summary(List<MaintenanceNeed> needs) {
        return needs.stream().collect(Collectors.toMap(n -> n.component().name(), n -> n.severity().name()));
    }
}
