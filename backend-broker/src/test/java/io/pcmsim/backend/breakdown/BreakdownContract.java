package io.pcmsim.backend.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.Severity;
import io.pcmsim.backend.retention.RetentionRun;
import io.pcmsim.backend.retention.RetentionTrigger;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.ManualClock;
import io.pcmsim.backend.testing.MqttSessions;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.proto.v1.DataPullRequest;
import io.pcmsim.protocol.DownlinkCodec;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Topics;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breakdown cases against a running backend on the embedded broker, with a hand-driven car: the consent
 * rules, the dealer choice, live diagnosis, app calls answered and timed out, and the retention delete. The
 * store is H2 or PostgreSQL ({@link #jdbcUrl()}).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class BreakdownContract {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Munich, a few hundred metres from the sample directory's dealer munich-south. */
    private static final double LAT = 48.09;
    private static final double LON = 11.51;

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    @TempDir
    Path dataDir;
    private final ManualClock clock = new ManualClock(NOW);
    private Backend backend;
    private String clientId;
    private @Nullable TestPublisher car;
    private @Nullable Mqtt5AsyncClient listener;

    /** The store; null for the backend's H2 file. */
    abstract @Nullable String jdbcUrl();

    @BeforeEach
    void start() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        clientId = "breakdown-it-" + run;
        BackendConfig.Builder config = BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId(clientId).sharedGroup("breakdown-it-" + run).dataDir(dataDir).clock(clock);
        if (jdbcUrl() != null) {
            config.jdbcUrl(jdbcUrl());
        }
        backend = Backend.create(config.build());
        backend.start().get(60, TimeUnit.SECONDS);
        car = TestPublisher.connect(BROKER.host(), BROKER.port());
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.disconnect();
            listener = null;
        }
        if (car != null) {
            car.close();
            car = null;
            backend.close();
            MqttSessions.discard(BROKER.host(), BROKER.port(), clientId);
        }
    }

    private void loggedIn(Vin vin, boolean liveDiagnosis) {
        car.publish(Service.LOGIN, Uplinks.login(vin, 1, 1, liveDiagnosis));
    }

    private BreakdownCase awaitCase(Vin vin, String callId) {
        await().atMost(WAIT).until(() -> backend.breakdown().ofVehicle(vin).stream()
                .anyMatch(c -> c.callId().equals(callId) && c.state() == CaseState.REPORTED));
        return backend.breakdown().ofVehicle(vin).stream().filter(c -> c.callId().equals(callId)).findFirst()
                .orElseThrow();
    }

    @Test
    void inCarCall_eachConsentReachesOnlyItsRecipient() {
        Vin vin = Uplinks.randomVin();
        loggedIn(vin, true);
        boolean[][] combinations = {{false, false}, {true, false}, {false, true}, {true, true}};
        for (int i = 0; i < combinations.length; i++) {
            car.publish(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, i + 2, "call-" + i, null, combinations[i][0],
                    combinations[i][1], LAT, LON, "P0301 cylinder 1 misfire"));
        }

        for (int i = 0; i < combinations.length; i++) {
            BreakdownCase c = awaitCase(vin, "call-" + i);
            boolean assistance = combinations[i][0];
            boolean dealer = combinations[i][1];
            assertThat(c.trigger()).isEqualTo(CallTrigger.IN_CAR);
            assertThat(c.consents()).isEqualTo(new Consents(assistance, dealer));
            assertThat(c.report()).isPresent();
            assertThat(c.forAssistance().isPresent()).isEqualTo(assistance);
            assertThat(c.forDealer().isPresent()).isEqualTo(dealer);
            assertThat(c.assistance()).isEqualTo(assistance ? Forwarding.FORWARDED : Forwarding.WITHHELD_NO_CONSENT);
            assertThat(c.dealer()).isEqualTo(dealer ? Forwarding.FORWARDED : Forwarding.WITHHELD_NO_CONSENT);
            assertThat(c.dealerId()).isEqualTo(dealer ? java.util.Optional.of("munich-south") : java.util.Optional.empty());
        }
        BreakdownData data = awaitCase(vin, "call-3").forAssistance().orElseThrow();
        assertThat(data.location().orElseThrow().latitude()).isEqualTo(LAT);
        assertThat(data.recentTrack()).hasSize(2);
        assertThat(data.recentTrack().get(0).time()).isBefore(data.recentTrack().get(1).time());
        assertThat(data.faultLog()).containsExactly("P0301 cylinder 1 misfire");
        assertThat(data.state().odometerKm()).hasValue(40_000);
        BreakdownCounts counts = backend.breakdown().counts();
        assertThat(counts).isEqualTo(new BreakdownCounts(4, 2, 2, 2, 2, 0));
        assertThat(counts.withheldForLackOfConsent()).isEqualTo(4);
    }

    @Test
    void liveDiagnosis_onlyForCarsWhoseLastLoginDeclaredIt() {
        Vin capable = Uplinks.randomVin();
        Vin plain = Uplinks.randomVin();
        loggedIn(capable, true);
        loggedIn(plain, false);
        car.publish(Service.BREAKDOWN, Uplinks.breakdown(capable, 1, 2, "a", null, true, false, LAT, LON,
                "P0301 cylinder 1 misfire", "P1234"));
        car.publish(Service.BREAKDOWN, Uplinks.breakdown(plain, 1, 2, "b", null, true, false, LAT, LON,
                "P0301 cylinder 1 misfire"));

        Diagnosis diagnosis = awaitCase(capable, "a").forAssistance().orElseThrow().liveDiagnosis().orElseThrow();
        assertThat(diagnosis.faults()).hasSize(2);
        assertThat(diagnosis.faults().get(0).code()).hasValue("P0301");
        assertThat(diagnosis.faults().get(0).title()).isPresent();
        assertThat(diagnosis.faults().get(1).title()).isEmpty();
        assertThat(diagnosis.severity()).isGreaterThanOrEqualTo(Severity.MEDIUM);
        assertThat(diagnosis.recommendedActions()).isNotEmpty();
        assertThat(awaitCase(plain, "b").forAssistance().orElseThrow().liveDiagnosis()).isEmpty();
    }

    private Queue<Mqtt5Publish> listenForDownlinks(Vin vin) throws Exception {
        Queue<Mqtt5Publish> received = new ConcurrentLinkedQueue<>();
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier("car-" + UUID.randomUUID())
                .serverHost(BROKER.host()).serverPort(BROKER.port()).buildAsync();
        listener = client;
        client.connect().get(10, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(Topics.downlinkFilter(vin)).qos(MqttQos.AT_LEAST_ONCE)
                .callback(received::add).send().get(10, TimeUnit.SECONDS);
        return received;
    }

    @Test
    void appCall_pullsTheDataAndTheAppsConsentsDecide() throws Exception {
        Vin vin = Uplinks.randomVin();
        loggedIn(vin, false);
        Queue<Mqtt5Publish> downlinks = listenForDownlinks(vin);

        BreakdownCase placed = backend.breakdown().placeAppCall(vin, new Consents(true, false)).get(10, TimeUnit.SECONDS);

        assertThat(placed.state()).isEqualTo(CaseState.AWAITING_DATA);
        assertThat(placed.trigger()).isEqualTo(CallTrigger.APP_PULL);
        await().atMost(WAIT).until(() -> !downlinks.isEmpty());
        Mqtt5Publish publish = downlinks.poll();
        assertThat(publish.getTopic().toString()).isEqualTo(Topics.downlink(vin, Service.BREAKDOWN));
        DataPullRequest pull = DownlinkCodec.parse(publish.getPayloadAsBytes()).getDataPullRequest();
        assertThat(pull.getCallId()).isEqualTo(placed.callId());
        // the car's report carries no consents for an app call: the app's decide
        car.publish(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, 2, pull.getCallId(), pull.getRequestId(), false,
                true, LAT, LON));

        BreakdownCase answered = awaitCase(vin, placed.callId());
        assertThat(answered.caseId()).isEqualTo(placed.caseId());
        assertThat(answered.consents()).isEqualTo(new Consents(true, false));
        assertThat(answered.forAssistance()).isPresent();
        assertThat(answered.forDealer()).isEmpty();
        assertThat(backend.breakdown().counts().calls()).isEqualTo(1);
    }

    @Test
    void appCall_withoutAnswer_timesOutOnTheBackendsClockAndALateAnswerChangesNothing() throws Exception {
        Vin vin = Uplinks.randomVin();
        loggedIn(vin, false);
        Queue<Mqtt5Publish> downlinks = listenForDownlinks(vin);
        BreakdownCase placed = backend.breakdown().placeAppCall(vin, new Consents(true, true)).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> !downlinks.isEmpty());

        clock.advance(Duration.ofSeconds(119));
        assertThat(backend.breakdown().timeOutPulls()).isZero();
        assertThat(backend.breakdown().find(placed.caseId()).orElseThrow().state()).isEqualTo(CaseState.AWAITING_DATA);
        clock.advance(Duration.ofSeconds(1));

        await().atMost(WAIT).until(() -> backend.breakdown().find(placed.caseId()).orElseThrow().state()
                == CaseState.TIMED_OUT);
        BreakdownCase timedOut = backend.breakdown().find(placed.caseId()).orElseThrow();
        assertThat(timedOut.stateReason()).hasValueSatisfying(r -> assertThat(r).contains("no answer from the car"));
        assertThat(timedOut.assistance()).isEqualTo(Forwarding.NO_DATA);
        assertThat(backend.breakdown().counts().pullsTimedOut()).isEqualTo(1);

        DataPullRequest pull = DownlinkCodec.parse(downlinks.poll().getPayloadAsBytes()).getDataPullRequest();
        long stored = backend.storedMessages(vin);
        car.publish(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, 2, pull.getCallId(), pull.getRequestId(), false,
                false, LAT, LON));
        await().atMost(WAIT).until(() -> backend.storedMessages(vin) == stored + 1);
        assertThat(backend.breakdown().find(placed.caseId()).orElseThrow().state()).isEqualTo(CaseState.TIMED_OUT);
    }

    @Test
    void retention_deletesTheCasesAndRawReportsOpenedSevenDaysBefore_keepsTheYoungerOnes() {
        Vin vin = Uplinks.randomVin();
        loggedIn(vin, false);
        car.publish(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, 2, "old", null, true, true, LAT, LON));
        awaitCase(vin, "old");
        clock.advance(Duration.ofDays(1));
        car.publish(Service.BREAKDOWN, Uplinks.breakdown(vin, 1, 3, "new", null, true, true, LAT, LON));
        awaitCase(vin, "new");
        long stored = backend.storedMessages(vin);

        RetentionRun before = backend.retention().run(NOW.plus(Duration.ofDays(7)).minusSeconds(1), RetentionTrigger.API);
        assertThat(before.deleted()).isZero();
        assertThat(backend.breakdown().ofVehicle(vin)).hasSize(2);

        RetentionRun at = backend.retention().run(NOW.plus(Duration.ofDays(7)), RetentionTrigger.API);
        assertThat(at.deleted()).isEqualTo(2); // the old case and its raw report
        assertThat(backend.breakdown().ofVehicle(vin)).extracting(BreakdownCase::callId).containsExactly("new");
        assertThat(backend.storedMessages(vin)).isEqualTo(stored - 1);
    }
}
