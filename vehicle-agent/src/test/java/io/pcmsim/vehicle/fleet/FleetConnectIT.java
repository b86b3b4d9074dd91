package io.pcmsim.vehicle.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pcmsim.protocol.Service;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.testing.ManualClock;
import io.pcmsim.vehicle.testing.MqttStack;
import io.pcmsim.vehicle.testing.RecordingBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@code pcmsim fleet} needs from a {@link Fleet}: the connect rate limit (first connects and
 * reconnects, on a wall clock the test moves), per-car credentials, and the publish acknowledgement
 * latency.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FleetConnectIT {

    @RegisterExtension
    static final RecordingBroker BROKER = new RecordingBroker();

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration TOKEN = Duration.ofMillis(100); // one permit at 10 per second

    private Fleet fleet;

    @AfterEach
    void stopFleet() throws Exception {
        if (fleet != null) {
            fleet.stop().get(30, TimeUnit.SECONDS);
        }
    }

    private FleetConfig.Builder config(int vehicles, long seed) {
        return FleetConfig.builder().brokerPort(BROKER.port()).vehicles(vehicles).seed(seed)
                .clock(SimulatedClock.startingAt(START, 3600));
    }

    @ParameterizedTest
    @EnumSource(value = MqttStack.class, names = {"HIVEMQ_MQTT_5", "PAHO_MQTT_5"})
    void connectRate_limitsFirstConnectsAndTheReconnectsAfterTheBrokerDroppedEveryCar(MqttStack stack) {
        ManualClock wall = new ManualClock(START);
        fleet = Fleet.create(stack.on(config(6, 301)).wallClock(wall).connectRate(10).build()); // bucket of 1
        fleet.start();

        await().atMost(WAIT).until(() -> fleet.stats().online() == 1);
        assertThat(fleet.connectPermits()).as("the wall clock stands still: one permit only").isEqualTo(1);
        for (int online = 2; online <= 6; online++) {
            wall.advance(TOKEN);
            int expected = online;
            await().atMost(WAIT).until(() -> fleet.stats().online() == expected);
            assertThat(fleet.connectPermits()).isEqualTo(expected);
        }
        assertThat(fleet.stats().reconnects()).isZero();

        fleet.vehicles().forEach(v -> BROKER.control().dropWithWill(v.vin().value()).join());
        await().atMost(WAIT).until(() -> fleet.stats().connecting() == 6);
        wall.advance(TOKEN);
        await().atMost(WAIT).until(() -> fleet.stats().online() == 1);
        assertThat(fleet.connectPermits()).as("a reconnect storm waits for permits").isEqualTo(7);
        assertThat(fleet.stats().connecting()).isEqualTo(5);
        for (int online = 2; online <= 6; online++) {
            wall.advance(TOKEN);
            int expected = online;
            await().atMost(WAIT).until(() -> fleet.stats().online() == expected);
        }
        assertThat(fleet.connectPermits()).isEqualTo(12);
        FleetStats stats = fleet.stats();
        assertThat(stats.reconnects()).isEqualTo(6);
        assertThat(stats.connections()).isEqualTo(12);
        assertThat(stats.connectionErrors()).as("the broker dropped each car once")
                .containsExactly(Map.entry("DISCONNECT by the broker: ADMINISTRATIVE_ACTION", 6L));
    }

    @ParameterizedTest
    @EnumSource(MqttStack.class)
    void credentials_perCar_letTheCarsInWhereTheBrokerWantsThem(MqttStack stack) throws Exception {
        BROKER.control().requireCredentials(vin -> "secret-" + vin);
        fleet = Fleet.create(stack.on(config(4, 302))
                .credentials(vin -> Optional.of(MqttCredentials.of(vin.value(), "secret-" + vin.value()))).build());

        fleet.start().get(20, TimeUnit.SECONDS);

        assertThat(fleet.stats().online()).isEqualTo(4);
        assertThat(fleet.stats().totalConnectionErrors()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = MqttStack.class, names = {"HIVEMQ_MQTT_5", "PAHO_MQTT_5"})
    void credentials_missing_theBrokerRefusesAndTheRefusalIsCountedByReason(MqttStack stack) {
        BROKER.control().requireCredentials(vin -> "secret-" + vin);
        fleet = Fleet.create(stack.on(config(3, 303)).build());

        fleet.start();

        await().atMost(WAIT).until(() -> fleet.stats().connectionErrors()
                .getOrDefault("CONNECT refused: BAD_USER_NAME_OR_PASSWORD", 0L) >= 3);
        assertThat(fleet.stats().online()).isZero();
        assertThat(fleet.stats().connecting()).isEqualTo(3);
    }

    @Test
    void credentials_whenACarHasNone_failCreateNamingIt() {
        assertThatThrownBy(() -> Fleet.create(config(3, 304).credentials(vin -> {
            throw new IllegalArgumentException("no password for " + vin);
        }).build())).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no password for ");
    }

    @ParameterizedTest
    @EnumSource(value = MqttStack.class, names = {"HIVEMQ_MQTT_5", "PAHO_MQTT_5"})
    void ackLatency_isRecordedForEveryAcknowledgedMessage(MqttStack stack) throws Exception {
        fleet = Fleet.create(stack.on(config(5, 305)).build());
        fleet.start().get(20, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> fleet.stats().published(Service.SMART_SERVICE) >= 15);
        AckLatency early = fleet.ackLatency();

        fleet.stop().get(30, TimeUnit.SECONDS);

        FleetStats stats = fleet.stats();
        AckLatency latency = stats.ackLatency();
        assertThat(latency.count()).as("one latency per acknowledged message").isEqualTo(stats.totalPublished());
        assertThat(latency.percentileMicros(50)).isPositive();
        assertThat(latency.maxMicros()).isGreaterThanOrEqualTo(latency.percentileMicros(99.9));
        assertThat(latency.since(early).count()).isEqualTo(latency.count() - early.count());
        assertThat(stats.totalSent()).as("every message handed over was acknowledged").isEqualTo(stats.totalPublished());
        assertThat(stats.refusedByBroker().values()).containsOnly(0L);
        assertThat(fleet.bufferedByService()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = MqttStack.class, names = {"HIVEMQ_MQTT_5", "PAHO_MQTT_5"})
    void privacyFraction_carsPrivateFromTheStartNeverConnect(MqttStack stack) throws Exception {
        fleet = Fleet.create(stack.on(config(8, 306)).privacyFraction(0.5).build());

        fleet.start().get(20, TimeUnit.SECONDS);

        assertThat(fleet.vehicles()).filteredOn(v -> v.settings().privacyMode()).hasSize(4);
        await().atMost(WAIT).until(() -> fleet.stats().published(Service.SMART_SERVICE) >= 8);
        for (EmulatedVehicle v : fleet.vehicles()) {
            if (v.settings().privacyMode()) {
                assertThat(BROKER.uplinks(v.vin().value())).as("private car %s", v.vin()).isEmpty();
                assertThat(v.online()).isFalse();
            }
        }
        assertThat(fleet.stats().online()).isEqualTo(4);
        assertThat(fleet.stats().connecting()).isZero();
        assertThat(fleet.stats().published(Service.LOGIN)).isEqualTo(4);
    }
}
