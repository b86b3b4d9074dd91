package io.pcmsim.vehicle.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pcmsim.proto.v1.CollectionConfig;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.SmartServiceReport.Trigger;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.SentUplink;
import io.pcmsim.vehicle.testing.RecordingBroker;
import io.pcmsim.vehicle.testing.RecordingBroker.Received;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link EmulatedCars} against the embedded broker: by hand, and as an extension in test classes run through
 * JUnit's own engine (the nested classes run only from here).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmulatedCarsIT {

    @RegisterExtension
    static final RecordingBroker BROKER = new RecordingBroker();

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The port the nested example classes connect to; set before they run. */
    static volatile int examplePort;
    static final Set<Fleet> FLEETS_SEEN = ConcurrentHashMap.newKeySet();

    static boolean runFromEmulatedCarsIT() {
        return examplePort > 0;
    }

    @Test
    void start_carsConnect_historyHoldsWhatTheBrokerReceived() throws Exception {
        try (EmulatedCars cars = EmulatedCars.against("tcp://127.0.0.1:" + BROKER.port()).vehicles(3).seed(7)
                .history(50).build()) {
            Fleet fleet = cars.start();
            assertThat(fleet.stats().online()).isEqualTo(3);
            EmulatedVehicle car = cars.vehicle(2);

            car.sendSmartServiceReport().get(10, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> BROKER.uplinks(car.vin().value()).size() == car.history().sentTotal()
                    && car.history().sentTotal() >= 3);
            List<Received> atBroker = BROKER.uplinks(car.vin().value());
            List<SentUplink> sent = car.history().sent();
            assertThat(sent).extracting(SentUplink::sequence)
                    .containsExactlyElementsOf(atBroker.stream().map(r -> r.header().sequence()).toList());
            assertThat(sent.get(0).envelope().hasLogin()).isTrue();
            SentUplink report = car.history().sent(Service.SMART_SERVICE).get(1);
            assertThat(report.envelope().getSmartService().getTrigger()).isEqualTo(Trigger.PERIODIC);
            assertThat(report.envelope()).isEqualTo(atBroker.stream()
                    .filter(r -> r.header().sequence() == report.sequence()).findFirst().orElseThrow().envelope());
            assertThat(report.topic()).isEqualTo(Topics.uplink(car.vin(), Service.SMART_SERVICE));
        }
    }

    @Test
    void history_downlinkToTheCar_isKeptDecoded() throws Exception {
        Mqtt5AsyncClient backend = MqttClient.builder().useMqttVersion5().identifier("emulated-cars-backend")
                .serverHost("127.0.0.1").serverPort(BROKER.port()).buildAsync();
        backend.connect().get(10, TimeUnit.SECONDS);
        try (EmulatedCars cars = EmulatedCars.against("127.0.0.1", BROKER.port()).build()) {
            EmulatedVehicle car = cars.start().vehicles().get(0);
            DownlinkEnvelope config = DownlinkEnvelope.newBuilder()
                    .setHeader(DownlinkCodec.header(car.vin(), "m-1", Instant.now()))
                    .setCollectionConfig(CollectionConfig.newBuilder().setConfigId("c-1")).build();

            backend.publishWith().topic(Topics.downlink(car.vin(), Service.SMART_SERVICE)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(config.toByteArray()).send().get(10, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> car.history().receivedTotal() == 1);
            assertThat(car.history().received().get(0).envelope()).isEqualTo(config);
            assertThat(car.history().received().get(0).service()).isEqualTo(Service.SMART_SERVICE);
            await().atMost(WAIT).until(() -> car.history().sent().stream()
                    .anyMatch(m -> m.envelope().getCollectionConfigApplied().getConfigId().equals("c-1")));
        } finally {
            backend.disconnect().handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void start_noBrokerAtThePort_failsNamingTheBroker() throws Exception {
        int closed = closedPort();
        EmulatedCars cars = EmulatedCars.against("tcp://127.0.0.1:" + closed).build();

        assertThatThrownBy(cars::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot reach the MQTT broker at tcp://127.0.0.1:" + closed)
                .hasMessageContaining("connection refused");
        assertThatThrownBy(cars::fleet).hasMessageContaining("not running");
    }

    @Test
    void history_offByDefaultInFleetConfig_saysHowToTurnItOn() throws Exception {
        try (EmulatedCars cars = EmulatedCars.against("127.0.0.1", BROKER.port()).history(0).build()) {
            EmulatedVehicle car = cars.start().vehicles().get(0);

            assertThatThrownBy(car::history).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("FleetConfig.builder().history(N)");
        }
    }

    @Test
    void extension_perClass_injectsOneFleetIntoEveryTestAndStopsIt() {
        EngineExecutionResults results = run(PerClassExample.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(FLEETS_SEEN).hasSize(1);
        assertThat(PerClassExample.CARS.toString()).contains("2 cars");
        assertThatThrownBy(PerClassExample.CARS::fleet).hasMessageContaining("not running");
    }

    @Test
    void extension_perTest_freshFleetForEachTest() {
        EngineExecutionResults results = run(PerTestExample.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(PerTestExample.FLEETS).hasSize(2);
    }

    @Test
    void extension_brokerUnreachable_failsTheClassWithTheReason() throws Exception {
        examplePort = closedPort();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(UnreachableExample.class))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("cannot reach the MQTT broker at tcp://127.0.0.1:" + examplePort);
    }

    private static EngineExecutionResults run(Class<?> example) {
        examplePort = BROKER.port();
        FLEETS_SEEN.clear();
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(example)).execute();
        } finally {
            examplePort = 0;
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @EnabledIf("io.pcmsim.vehicle.junit.EmulatedCarsIT#runFromEmulatedCarsIT")
    static class PerClassExample {
        @RegisterExtension
        static final EmulatedCars CARS = EmulatedCars.against("127.0.0.1", examplePort).vehicles(2).seed(3).build();

        @Test
        void first(Fleet fleet, EmulatedVehicle car) {
            assertThat(fleet.stats().online()).isEqualTo(2);
            assertThat(car).isSameAs(fleet.vehicles().get(0));
            FLEETS_SEEN.add(fleet);
        }

        @Test
        void second(Fleet fleet, @Car(1) EmulatedVehicle car, EmulatedCars cars) {
            assertThat(car).isSameAs(fleet.vehicles().get(1));
            assertThat(cars).isSameAs(CARS);
            FLEETS_SEEN.add(fleet);
        }
    }

    @EnabledIf("io.pcmsim.vehicle.junit.EmulatedCarsIT#runFromEmulatedCarsIT")
    static class PerTestExample {
        static final Set<Fleet> FLEETS = ConcurrentHashMap.newKeySet();

        @RegisterExtension
        static final EmulatedCars CARS = EmulatedCars.against("127.0.0.1", examplePort).perTest().build();

        @Test
        void first(Fleet fleet) {
            assertThat(fleet.vehicles().get(0).online()).isTrue();
            FLEETS.add(fleet);
        }

        @Test
        void second(Fleet fleet) {
            assertThat(fleet.vehicles().get(0).online()).isTrue();
            FLEETS.add(fleet);
        }
    }

    @EnabledIf("io.pcmsim.vehicle.junit.EmulatedCarsIT#runFromEmulatedCarsIT")
    static class UnreachableExample {
        @RegisterExtension
        static final EmulatedCars CARS = EmulatedCars.against("127.0.0.1", examplePort).build();

        @Test
        void neverRuns(Fleet fleet) {
            throw new AssertionError("must not run without a broker");
        }
    }
}
