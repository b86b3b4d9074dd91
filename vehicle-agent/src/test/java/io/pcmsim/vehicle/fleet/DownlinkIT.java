package io.pcmsim.vehicle.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pcmsim.proto.v1.CollectionConfig;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.RebirthRequest;
import io.pcmsim.proto.v1.SmartServiceReport.Trigger;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.testing.MqttStack;
import io.pcmsim.vehicle.testing.RecordingBroker;
import io.pcmsim.vehicle.testing.RecordingBroker.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Downlinks from a plain MQTT client (standing in for the backend) to cars of a fleet. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DownlinkIT {

    @RegisterExtension
    static final RecordingBroker BROKER = new RecordingBroker();

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Fleet fleet;
    private Mqtt5AsyncClient backend;

    @BeforeEach
    void connectBackend() throws Exception {
        backend = MqttClient.builder().useMqttVersion5().identifier("downlink-test-backend")
                .serverHost("127.0.0.1").serverPort(BROKER.port()).buildAsync();
        backend.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (fleet != null) {
            fleet.stop().get(30, TimeUnit.SECONDS);
        }
        backend.disconnect().handle((ok, e) -> null).get(10, TimeUnit.SECONDS);
    }

    private EmulatedVehicle startOne(long seed) throws Exception {
        return startOne(seed, MqttStack.HIVEMQ_MQTT_5);
    }

    private EmulatedVehicle startOne(long seed, MqttStack stack) throws Exception {
        fleet = Fleet.create(stack.on(FleetConfig.builder()).brokerPort(BROKER.port()).vehicles(1).seed(seed)
                .clock(SimulatedClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"), 3600)).build());
        fleet.start().get(20, TimeUnit.SECONDS);
        EmulatedVehicle car = fleet.vehicles().get(0);
        await().atMost(WAIT).until(() -> logins(car).size() == 1);
        return car;
    }

    private static List<Received> logins(EmulatedVehicle car) {
        return BROKER.uplinks(car.vin().value()).stream().filter(r -> r.envelope().hasLogin()).toList();
    }

    private void send(String topic, byte[] payload) throws Exception {
        backend.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send().get(10, TimeUnit.SECONDS);
    }

    private static DownlinkEnvelope.Builder envelope(EmulatedVehicle car) {
        return DownlinkEnvelope.newBuilder().setHeader(DownlinkCodec.header(car.vin(), "m-1", Instant.now()));
    }

    @Test
    void login_carriesNoStateAndSmartServiceSendsSessionStartRightAfter() throws Exception {
        EmulatedVehicle car = startOne(11);

        List<Received> uplinks = BROKER.uplinks(car.vin().value());
        await().atMost(WAIT).until(() -> BROKER.uplinks(car.vin().value()).size() >= 2);
        Received login = BROKER.uplinks(car.vin().value()).get(0);
        Received snapshot = BROKER.uplinks(car.vin().value()).get(1);
        assertThat(login.envelope().hasLogin()).isTrue();
        assertThat(login.envelope().getLogin().toString()).doesNotContain("oil", "odometer");
        assertThat(snapshot.envelope().getSmartService().getTrigger()).isEqualTo(Trigger.SESSION_START);
        assertThat(snapshot.envelope().getSmartService().getModelCode()).isEqualTo(car.profile().modelLine().modelCode());
        assertThat(snapshot.header().sequence()).isEqualTo(2);
        assertThat(uplinks).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(MqttStack.class)
    void rebirthRequest_onDownSession_carLogsInAfreshWithinItsBoot(MqttStack stack) throws Exception {
        EmulatedVehicle car = startOne(12, stack);
        long boot = car.bootId();

        send(Topics.downlink(car.vin(), Service.LOGIN),
                envelope(car).setRebirthRequest(RebirthRequest.newBuilder().setReason("test")).build().toByteArray());

        await().atMost(WAIT).until(() -> logins(car).size() == 2);
        Received second = logins(car).get(1);
        assertThat(second.header().bootId()).isEqualTo(boot);
        assertThat(second.header().sequence()).isGreaterThan(logins(car).get(0).header().sequence());
        await().atMost(WAIT).until(() -> BROKER.uplinks(car.vin().value()).stream().anyMatch(r ->
                r.envelope().hasSmartService() && r.envelope().getSmartService().getTrigger() == Trigger.SESSION_START
                        && r.header().sequence() > second.header().sequence()));
        assertThat(fleet.stats().downlinks()).isEqualTo(1);
    }

    @Test
    void rebirthRequest_smartServiceOff_loginWithoutAnyVehicleStateAndNoSnapshot() throws Exception {
        EmulatedVehicle car = startOne(15);
        car.setServiceEnabled(Service.SMART_SERVICE, false).get(10, TimeUnit.SECONDS);

        send(Topics.downlink(car.vin(), Service.LOGIN),
                envelope(car).setRebirthRequest(RebirthRequest.getDefaultInstance()).build().toByteArray());

        await().atMost(WAIT).until(() -> logins(car).size() == 2);
        Received second = logins(car).get(1);
        assertThat(second.envelope().getLogin().getSettings().getDisabledServicesList()).contains("smart-service");
        car.setServiceEnabled(Service.BREAKDOWN, false).get(10, TimeUnit.SECONDS); // a later, settled step
        assertThat(BROKER.uplinks(car.vin().value()))
                .noneMatch(r -> r.envelope().hasSmartService() && r.header().sequence() > second.header().sequence());
    }

    @Test
    void collectionConfig_onDownSmartService_isAppliedAndAcknowledged() throws Exception {
        EmulatedVehicle car = startOne(13);

        send(Topics.downlink(car.vin(), Service.SMART_SERVICE), envelope(car).setCollectionConfig(
                CollectionConfig.newBuilder().setConfigId("cfg-42").setSmartServiceIntervalS(600)
                        .putThresholds("engine-oil-life", 20)).build().toByteArray());

        await().atMost(WAIT).until(() -> BROKER.uplinks(car.vin().value()).stream()
                .anyMatch(r -> r.envelope().getCollectionConfigApplied().getConfigId().equals("cfg-42")));
        Received applied = BROKER.uplinks(car.vin().value()).stream()
                .filter(r -> r.envelope().hasCollectionConfigApplied()).findFirst().orElseThrow();
        assertThat(applied.topic()).isEqualTo(Topics.uplink(car.vin(), Service.SMART_SERVICE));
        // 10 simulated minutes at speed 3600 is 1/6 s: periodic reports now come several per second
        long periodicBefore = periodic(car);
        await().atMost(WAIT).until(() -> periodic(car) >= periodicBefore + 6);
    }

    private static long periodic(EmulatedVehicle car) {
        return BROKER.uplinks(car.vin().value()).stream().filter(r -> r.envelope().hasSmartService()
                && r.envelope().getSmartService().getTrigger() == Trigger.PERIODIC).count();
    }

    @ParameterizedTest
    @EnumSource(value = MqttStack.class, names = {"HIVEMQ_MQTT_5", "PAHO_MQTT_5"})
    void malformedDownlinks_areCountedAndDropped_carKeepsWorking(MqttStack stack) throws Exception {
        EmulatedVehicle car = startOne(14, stack);
        String vin = car.vin().value();

        send(Topics.downlink(car.vin(), Service.LOGIN), new byte[] {(byte) 0xff, 0x00, 0x13});
        send(Topics.ROOT + vin + "/down/radio", envelope(car).build().toByteArray());
        send(Topics.downlink(car.vin(), Service.SMART_SERVICE), envelope(car).setCollectionConfig(
                CollectionConfig.newBuilder().setConfigId("bad").putThresholds("coolant", 1)).build().toByteArray());
        send(Topics.downlink(car.vin(), Service.LOGIN),
                envelope(car).setRebirthRequest(RebirthRequest.getDefaultInstance()).build().toByteArray());

        await().atMost(WAIT).until(() -> logins(car).size() == 2);
        assertThat(fleet.stats().malformedDownlinks()).isEqualTo(3);
        assertThat(BROKER.uplinks(vin)).noneMatch(r -> r.envelope().hasCollectionConfigApplied());
        long periodicBefore = periodic(car);
        await().atMost(WAIT).until(() -> periodic(car) > periodicBefore);
    }
}
