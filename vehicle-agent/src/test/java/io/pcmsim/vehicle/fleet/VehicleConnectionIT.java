package io.pcmsim.vehicle.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pcmsim.proto.v1.Presence;
import io.pcmsim.proto.v1.SmartServiceReport.Trigger;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.internal.SharedExecutors;
import io.pcmsim.vehicle.testing.MqttStack;
import io.pcmsim.vehicle.testing.RecordingBroker;
import io.pcmsim.vehicle.testing.RecordingBroker.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** The car's connection against the embedded broker: silence in privacy mode, Last Will per boot, refusals. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class VehicleConnectionIT {

    /** Threads alive before each test: a fleet of an earlier class still stopping is not this test's. */
    private final java.util.Set<Thread> threadsBefore = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());


    @RegisterExtension
    static final RecordingBroker BROKER = new RecordingBroker();

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Fleet fleet;
    private final ConcurrentLinkedQueue<PublishedMessage> published = new ConcurrentLinkedQueue<>();

    private Fleet start(int vehicles, long seed, MqttStack stack) throws Exception {
        fleet = Fleet.create(stack.on(FleetConfig.builder())
                .brokerPort(BROKER.port())
                .vehicles(vehicles)
                .seed(seed)
                .clock(SimulatedClock.startingAt(Instant.parse("2026-03-01T08:00:00Z"), 3600))
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

    private static List<Received> logins(String vin) {
        return BROKER.uplinks(vin).stream().filter(r -> r.envelope().hasLogin()).toList();
    }

    private static List<Presence> presences(String vin, long afterArrival) {
        return BROKER.received().stream()
                .filter(r -> r.arrival() > afterArrival && r.topic().equals(Topics.status(io.pcmsim.protocol.Vin.of(vin))))
                .map(Received::presence).flatMap(Optional::stream).toList();
    }

    private static long periodicReports(String vin) {
        return BROKER.uplinks(vin).stream().filter(r -> r.envelope().hasSmartService()
                && r.envelope().getSmartService().getTrigger() == Trigger.PERIODIC).count();
    }

    @ParameterizedTest
    @EnumSource(MqttStack.class)
    void privacyMode_on_carFallsSilentAndDisconnectsThenLogsInUnderANewBootWhenOff(MqttStack stack)
            throws Exception {
        start(2, 707, stack);
        EmulatedVehicle car = fleet.vehicles().get(0);
        EmulatedVehicle witness = fleet.vehicles().get(1);
        String vin = car.vin().value();
        await().atMost(WAIT).until(() -> periodicReports(vin) >= 1);
        long firstBoot = car.bootId();

        car.setPrivacyMode(true).get(10, TimeUnit.SECONDS);
        long silentFrom = BROKER.lastArrival();
        assertThat(car.online()).isFalse();
        long witnessReports = periodicReports(witness.vin().value());
        await().atMost(WAIT).until(() -> periodicReports(witness.vin().value()) >= witnessReports + 3);

        assertThat(BROKER.control().connected(vin)).as("no session that names the VIN").isFalse();
        assertThat(BROKER.received()).as("neither presence, nor Last Will, nor a login while private")
                .noneMatch(r -> r.arrival() > silentFrom && r.topic().contains(vin));

        car.setPrivacyMode(false).get(10, TimeUnit.SECONDS);

        assertThat(car.online()).isTrue();
        assertThat(car.bootId()).isGreaterThan(firstBoot);
        await().atMost(WAIT).until(() -> logins(vin).size() == 2);
        Received login = logins(vin).get(1);
        assertThat(login.header().bootId()).isEqualTo(car.bootId());
        assertThat(login.header().sequence()).isEqualTo(1);
        assertThat(presences(vin, silentFrom)).anySatisfy(p -> {
            assertThat(p.getOnline()).isTrue();
            assertThat(p.getBootId()).isEqualTo(car.bootId());
        });
    }

    @ParameterizedTest
    @EnumSource(MqttStack.class)
    void lastWill_connectionDroppedByTheBroker_carriesTheBootIdOfThatSessionsLogin(MqttStack stack)
            throws Exception {
        start(1, 808, stack);
        EmulatedVehicle car = fleet.vehicles().get(0);
        String vin = car.vin().value();
        await().atMost(WAIT).until(() -> logins(vin).size() == 1);
        long loginBoot = logins(vin).get(0).header().bootId();
        long before = BROKER.lastArrival();

        assertThat(BROKER.control().dropWithWill(vin).get(10, TimeUnit.SECONDS)).isTrue();

        await().atMost(WAIT).until(() -> presences(vin, before).stream().anyMatch(p -> !p.getOnline()));
        Presence will = presences(vin, before).stream().filter(p -> !p.getOnline()).findFirst().orElseThrow();
        assertThat(will.getBootId()).as("the death pairs with its birth").isEqualTo(loginBoot);
        await().atMost(WAIT).until(() -> logins(vin).size() == 2);
        long secondBoot = logins(vin).get(1).header().bootId();
        assertThat(secondBoot).isGreaterThan(loginBoot);

        long beforeSecondDrop = BROKER.lastArrival();
        BROKER.control().dropWithWill(vin).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> presences(vin, beforeSecondDrop).stream().anyMatch(p -> !p.getOnline()));
        assertThat(presences(vin, beforeSecondDrop).stream().filter(p -> !p.getOnline()).findFirst().orElseThrow()
                .getBootId()).as("the reconnect's will names the reconnect's boot").isEqualTo(secondBoot);
    }

    /** Drops {@code vin} at the broker and refuses its reconnects until it has failed twice: then it waits in backoff. */
    private static void dropAndHoldInReconnectBackoff(String vin) throws Exception {
        BROKER.control().block(vin);
        int before = BROKER.control().connects(vin);
        assertThat(BROKER.control().dropWithWill(vin).get(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(WAIT).until(() -> BROKER.control().connects(vin) >= before + 2);
    }

    @ParameterizedTest
    @EnumSource(MqttStack.class)
    void privacyMode_onWhileAReconnectIsPending_noConnectNamesTheVinUntilOffThenANewBoot(MqttStack stack)
            throws Exception {
        start(1, 1111, stack);
        EmulatedVehicle car = fleet.vehicles().get(0);
        String vin = car.vin().value();
        await().atMost(WAIT).until(() -> logins(vin).size() == 1);
        long firstBoot = car.bootId();
        dropAndHoldInReconnectBackoff(vin);

        car.setPrivacyMode(true).get(10, TimeUnit.SECONDS);
        int connectsWhenPrivate = BROKER.control().connects(vin);
        BROKER.control().unblockAll();

        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10))
                .until(() -> BROKER.control().connects(vin) == connectsWhenPrivate);
        assertThat(BROKER.control().connected(vin)).as("no session that names the VIN").isFalse();
        assertThat(car.online()).isFalse();

        car.setPrivacyMode(false).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> logins(vin).size() == 2);
        assertThat(car.bootId()).isGreaterThan(firstBoot);
        assertThat(logins(vin).get(1).header().bootId()).isEqualTo(car.bootId());
        assertThat(BROKER.control().connects(vin)).isGreaterThan(connectsWhenPrivate);
    }

    @ParameterizedTest
    @EnumSource(MqttStack.class)
    void stop_whileAReconnectIsPending_callsItOffAndEndsEveryFleetThread(MqttStack stack) throws Exception {
        ListAppender<ILoggingEvent> executorLog = new ListAppender<>();
        Logger executorLogger = (Logger) LoggerFactory.getLogger(SharedExecutors.class);
        executorLog.start();
        executorLogger.addAppender(executorLog);
        try {
            start(1, 1212, stack);
            String vin = fleet.vehicles().get(0).vin().value();
            await().atMost(WAIT).until(() -> logins(vin).size() == 1);
            dropAndHoldInReconnectBackoff(vin);
            BROKER.control().unblockAll();

            int connectsAtStop = BROKER.control().connects(vin);
            fleet.stop().get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(t -> t.isAlive() && !threadsBefore.contains(t) && (t.getName().startsWith("pcmsim-fleet")
                            || t.getName().startsWith("MQTT "))) // a Paho thread while it runs a client's loop
                    .isEmpty());
            assertThat(BROKER.control().connects(vin)).as("the pending reconnect was called off")
                    .isEqualTo(connectsAtStop);
            assertThat(BROKER.control().connected(vin)).isFalse();
            assertThat(executorLog.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains("did not stop"));
        } finally {
            executorLogger.detachAppender(executorLog);
        }
    }

    /** HiveMQ CE answers NOT_AUTHORIZED in the PUBACK and then disconnects the client as well. */
    @ParameterizedTest
    @EnumSource(value = MqttStack.class, names = {"HIVEMQ_MQTT_5", "PAHO_MQTT_5"})
    void brokerRefusal_mqtt5ErrorPuback_isCountedByReasonCodeAndNotSentAgain(MqttStack stack) throws Exception {
        start(2, 909, stack);
        EmulatedVehicle car = fleet.vehicles().get(0);
        String vin = car.vin().value();
        BROKER.control().refuse(Topics.uplink(car.vin(), Service.SMART_SERVICE));

        await().atMost(WAIT).until(() -> fleet.stats().refused("NOT_AUTHORIZED") >= 3);

        Map<String, Long> attempts = published.stream()
                .filter(m -> m.vin().equals(car.vin()) && m.service() == Service.SMART_SERVICE)
                .collect(Collectors.groupingBy(m -> m.header().bootId() + "/" + m.header().sequence(),
                        Collectors.counting()));
        // the broker also drops the connection after a refusal: a message in flight behind it is lost and
        // may be sent again (and then be refused); one the broker refused never is. The broker refuses every
        // publish on the topic, so a message sent again after its refusal would be refused twice.
        List<String> refusedMessages = BROKER.control().refusedPayloads().stream()
                .map(payload -> UplinkCodec.header(UplinkCodec.parse(payload).getHeader()))
                .map(header -> header.bootId() + "/" + header.sequence()).toList();
        assertThat(refusedMessages).hasSizeGreaterThanOrEqualTo(3)
                .as("a refused message is not re-sent").doesNotHaveDuplicates();
        assertThat(refusedMessages).as("attempts of a refused message: lost ones before, none after")
                .allSatisfy(message -> assertThat(attempts.get(message)).isBetween(1L, 3L));
        assertThat(BROKER.uplinks(fleet.vehicles().get(1).vin().value()))
                .as("the other car's reports pass").anyMatch(r -> r.envelope().hasSmartService());
    }

    @org.junit.jupiter.api.Test
    void brokerRefusal_mqtt311ClosesTheConnection_messageIsTriedAtMostThreeTimesThenCounted() throws Exception {
        start(1, 1010, MqttStack.HIVEMQ_MQTT_3_1_1);
        EmulatedVehicle car = fleet.vehicles().get(0);
        BROKER.control().refuse(Topics.uplink(car.vin(), Service.SMART_SERVICE));

        await().atMost(Duration.ofSeconds(60)).until(() -> fleet.stats().refused("UNACKNOWLEDGED_AFTER_3_ATTEMPTS") >= 1);

        Map<String, Long> attempts = published.stream()
                .filter(m -> m.service() == Service.SMART_SERVICE)
                .collect(Collectors.groupingBy(m -> m.header().bootId() + "/" + m.header().sequence(),
                        Collectors.counting()));
        assertThat(attempts.values()).as("attempts per message").allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
        assertThat(attempts.values()).contains(3L);
        assertThat(logins(car.vin().value())).hasSizeGreaterThan(1);
    }
}
