package io.pcmsim.vehicle.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pcmsim.proto.v1.SmartServiceReport.Trigger;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.MqttVersion;
import io.pcmsim.vehicle.testing.RecordingBroker;
import io.pcmsim.vehicle.testing.RecordingBroker.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FleetIT {

    /** Threads alive before each test: a fleet of an earlier class still stopping is not this test's. */
    private final java.util.Set<Thread> threadsBefore = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());


    @RegisterExtension
    static final RecordingBroker BROKER = new RecordingBroker();

    private static final Instant SIM_START = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Fleet fleet;
    private SimulatedClock clock;
    private final ConcurrentLinkedQueue<PublishedMessage> published = new ConcurrentLinkedQueue<>();

    private Fleet start(int vehicles, long seed, MqttVersion version) throws Exception {
        return start(vehicles, seed, version, 200);
    }

    private Fleet start(int vehicles, long seed, MqttVersion version, int connectConcurrency) throws Exception {
        clock = SimulatedClock.startingAt(SIM_START, 3600);
        fleet = Fleet.create(FleetConfig.builder()
                .brokerPort(BROKER.port())
                .mqttVersion(version)
                .vehicles(vehicles)
                .seed(seed)
                .clock(clock)
                .connectConcurrency(connectConcurrency)
                .build());
        fleet.addPublishListener(published::add);
        fleet.start().get(20, TimeUnit.SECONDS);
        return fleet;
    }

    @AfterEach
    void stopFleet() throws Exception {
        if (fleet != null) {
            fleet.stop().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Received> smartService(List<Received> uplinks, Trigger trigger) {
        return uplinks.stream().filter(r -> r.envelope().hasSmartService()
                && r.envelope().getSmartService().getTrigger() == trigger).toList();
    }

    private static List<Received> logins(List<Received> uplinks) {
        return uplinks.stream().filter(r -> r.envelope().hasLogin()).toList();
    }

    @Test
    void fleet_tenCarsAtSpeed3600_logInThenReportPeriodicallyWithGrowingSequence() throws Exception {
        start(10, 101, MqttVersion.MQTT_5);

        for (EmulatedVehicle vehicle : fleet.vehicles()) {
            String vin = vehicle.vin().value();
            await().atMost(WAIT).until(() -> smartService(BROKER.uplinks(vin), Trigger.PERIODIC).size() >= 3);
            List<Received> uplinks = BROKER.uplinks(vin);
            assertThat(uplinks.get(0).envelope().hasLogin()).as("first uplink of %s is the login", vin).isTrue();
            assertThat(uplinks.get(0).header().sequence()).isEqualTo(1);
            assertThat(uplinks.get(0).envelope().getLogin().getSettings().getPrivacyMode()).isFalse();
            // The session-start snapshot follows the login; only reports the car produced before it was
            // connected (a slow connect on a busy machine) may come between, from its outbox.
            int snapshot = 1;
            while (uplinks.get(snapshot).envelope().getSmartService().getTrigger() != Trigger.SESSION_START) {
                assertThat(uplinks.get(snapshot).header().vehicleTime())
                        .as("only reports produced before the login come between it and the snapshot")
                        .isBeforeOrEqualTo(uplinks.get(0).header().vehicleTime());
                snapshot++;
            }
            assertThat(uplinks.get(snapshot).envelope().getSmartService().getModelCode()).isEqualTo(
                    vehicle.profile().modelLine().modelCode());
            List<UplinkHeader> headers = uplinks.stream().map(Received::header).toList();
            assertThat(headers).extracting(UplinkHeader::bootId).containsOnly(vehicle.bootId());
            assertThat(headers).extracting(UplinkHeader::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, headers.size()).boxed().toList());
            // Reports produced before the first connect wait in the outbox and follow the login: only
            // the reports among themselves are in vehicle-time order.
            assertThat(uplinks.stream().filter(r -> r.envelope().hasSmartService()).map(r -> r.header().vehicleTime())
                    .toList()).isSorted();
        }
        assertThat(BROKER.received()).anySatisfy(r -> assertThat(r.presence()).hasValueSatisfying(p -> {
            assertThat(p.getOnline()).isTrue();
            assertThat(p.getBootId()).isPositive();
        }));
        FleetStats stats = fleet.stats();
        assertThat(stats.vehicles()).isEqualTo(10);
        assertThat(stats.online()).isEqualTo(10);
        assertThat(stats.published(Service.LOGIN)).isEqualTo(10);
        assertThat(stats.published(Service.SMART_SERVICE)).isGreaterThanOrEqualTo(30);
        assertThat(stats.totalSuppressed()).isZero();
        assertThat(published).extracting(PublishedMessage::service).contains(Service.LOGIN, Service.SMART_SERVICE);
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.isAlive() && t.getName().startsWith("pcmsim-fleet") && !threadsBefore.contains(t))
                .as("shared threads only: lanes, scheduler, netty, application; none per vehicle")
                .hasSizeLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() + 4);
    }

    @Test
    void privacyMode_onForSomeCars_nothingSentWhileOnNoBackfillAndFreshLoginAfter() throws Exception {
        start(6, 202, MqttVersion.MQTT_5);
        List<EmulatedVehicle> all = fleet.vehicles();
        List<EmulatedVehicle> privateCars = all.subList(0, 3);
        EmulatedVehicle witness = all.get(5);
        for (EmulatedVehicle v : all) {
            await().atMost(WAIT).until(() -> !smartService(BROKER.uplinks(v.vin().value()), Trigger.PERIODIC).isEmpty());
        }

        for (EmulatedVehicle v : privateCars) {
            v.setPrivacyMode(true).get(10, TimeUnit.SECONDS);
        }
        Instant on = clock.instant();
        long onArrival = BROKER.lastArrival();
        int witnessReports = smartService(BROKER.uplinks(witness.vin().value()), Trigger.PERIODIC).size();
        await().atMost(WAIT).until(() ->
                smartService(BROKER.uplinks(witness.vin().value()), Trigger.PERIODIC).size() >= witnessReports + 3);
        Instant off = clock.instant();
        long offArrival = BROKER.lastArrival();
        for (EmulatedVehicle v : privateCars) {
            assertThat(v.settings().privacyMode()).isTrue();
            v.setPrivacyMode(false).get(10, TimeUnit.SECONDS);
        }

        for (EmulatedVehicle v : privateCars) {
            String vin = v.vin().value();
            await().atMost(WAIT).until(() -> BROKER.uplinks(vin).stream()
                    .anyMatch(r -> r.arrival() > offArrival && r.envelope().hasSmartService()));
            List<Received> uplinks = BROKER.uplinks(vin);
            assertThat(uplinks).as("nothing produced while privacy mode was on reaches the broker, ever")
                    .allSatisfy(r -> assertThat(r.header().vehicleTime().isAfter(on)
                            && r.header().vehicleTime().isBefore(off)).isFalse());
            assertThat(uplinks.stream().filter(r -> r.arrival() > onArrival && r.arrival() <= offArrival))
                    .as("nothing produced while privacy mode was on arrives in the window")
                    .allSatisfy(r -> assertThat(r.header().vehicleTime()).isBeforeOrEqualTo(on));
            List<Received> after = uplinks.stream().filter(r -> !r.header().vehicleTime().isBefore(off)).toList();
            assertThat(after.get(0).envelope().hasLogin()).as("fresh login first after privacy mode").isTrue();
            assertThat(after.get(0).header().bootId()).as("privacy mode closed the session; a new boot follows")
                    .isGreaterThan(uplinks.get(0).header().bootId());
            Map<Long, List<Long>> sequences = uplinks.stream().collect(Collectors.groupingBy(
                    r -> r.header().bootId(), Collectors.mapping(r -> r.header().sequence(), Collectors.toList())));
            assertThat(sequences.values()).as("no sequence gaps from suppressed messages").allSatisfy(boot ->
                    assertThat(boot).containsExactlyElementsOf(
                            java.util.stream.LongStream.rangeClosed(1, boot.size()).boxed().toList()));
        }
        assertThat(fleet.stats().suppressed(Service.SMART_SERVICE)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void groupWithoutLocation_off_blocksSmartServiceUntilReEnabled() throws Exception {
        start(3, 303, MqttVersion.MQTT_5);
        EmulatedVehicle car = fleet.vehicles().get(0);
        EmulatedVehicle witness = fleet.vehicles().get(1);
        String vin = car.vin().value();
        await().atMost(WAIT).until(() -> !smartService(BROKER.uplinks(vin), Trigger.PERIODIC).isEmpty());

        car.setServiceGroup(ServiceGroup.WITHOUT_LOCATION, false).get(10, TimeUnit.SECONDS);
        Instant blockedAt = clock.instant();
        int witnessReports = smartService(BROKER.uplinks(witness.vin().value()), Trigger.PERIODIC).size();
        await().atMost(WAIT).until(() ->
                smartService(BROKER.uplinks(witness.vin().value()), Trigger.PERIODIC).size() >= witnessReports + 2);
        Instant reEnabledAt = clock.instant();
        car.setServiceGroup(ServiceGroup.WITHOUT_LOCATION, true).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> BROKER.uplinks(vin).stream()
                .anyMatch(r -> r.envelope().hasSmartService() && r.header().vehicleTime().isAfter(reEnabledAt)));
        assertThat(BROKER.uplinks(vin)).noneMatch(r -> r.header().vehicleTime().isAfter(blockedAt)
                && r.header().vehicleTime().isBefore(reEnabledAt));
        assertThat(logins(BROKER.uplinks(vin))).as("the login is not blocked by one group").hasSize(1);
        assertThat(smartService(BROKER.uplinks(vin), Trigger.SESSION_START)).as("a fresh snapshot once re-enabled")
                .hasSize(2);
        assertThat(fleet.stats().suppressed(Service.SMART_SERVICE)).isPositive();
    }

    @Test
    void brokerSideDisconnect_carReconnects_newBootIdAndLogin() throws Exception {
        start(2, 404, MqttVersion.MQTT_5);
        EmulatedVehicle car = fleet.vehicles().get(0);
        String vin = car.vin().value();
        await().atMost(WAIT).until(() -> logins(BROKER.uplinks(vin)).size() == 1);
        long firstBoot = car.bootId();

        // A second client with the car's identifier makes the broker take the session over and drop the car.
        Mqtt5AsyncClient interloper = MqttClient.builder().useMqttVersion5().identifier(vin)
                .serverHost("127.0.0.1").serverPort(BROKER.port()).buildAsync();
        interloper.connect().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> car.bootId() > firstBoot && car.online());
        await().atMost(WAIT).until(() -> logins(BROKER.uplinks(vin)).size() == 2);
        Received secondLogin = logins(BROKER.uplinks(vin)).get(1);
        assertThat(secondLogin.header().bootId()).isEqualTo(car.bootId()).isGreaterThan(firstBoot);
        assertThat(secondLogin.header().sequence()).isEqualTo(1);
        assertThat(BROKER.received()).anySatisfy(r -> assertThat(r.presence())
                .hasValueSatisfying(p -> assertThat(p.getOnline() && p.getBootId() == car.bootId()).isTrue()));
        interloper.disconnect().handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
    }

    @Test
    void mqtt311Car_logsInAndReports() throws Exception {
        start(3, 505, MqttVersion.MQTT_3_1_1, 1);

        for (EmulatedVehicle v : fleet.vehicles()) {
            String vin = v.vin().value();
            await().atMost(WAIT).until(() -> smartService(BROKER.uplinks(vin), Trigger.PERIODIC).size() >= 2);
            assertThat(BROKER.uplinks(vin).get(0).envelope().hasLogin()).isTrue();
        }
    }

    @Test
    void stop_afterRun_publishesOfflinePresenceAndEndsEveryFleetThread() throws Exception {
        start(3, 606, MqttVersion.MQTT_5);
        Set<String> vins = fleet.vehicles().stream().map(v -> v.vin().value()).collect(Collectors.toSet());

        fleet.stop().get(30, TimeUnit.SECONDS);
        fleet.stop().get(1, TimeUnit.SECONDS);

        assertThat(fleet.stats().online()).isZero();
        for (String vin : vins) {
            // acknowledged to the car before the broker forwards it to the test's subscriber
            await().atMost(WAIT).untilAsserted(() -> assertThat(BROKER.received()).anySatisfy(r -> {
                assertThat(r.topic()).isEqualTo("pcm/v1/vehicles/" + vin + "/status");
                assertThat(r.presence()).hasValueSatisfying(p -> assertThat(p.getOnline()).isFalse());
            }));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.isAlive() && t.getName().startsWith("pcmsim-fleet") && !threadsBefore.contains(t))
                .isEmpty());
    }
}
