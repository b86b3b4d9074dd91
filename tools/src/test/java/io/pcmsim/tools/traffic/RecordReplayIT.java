package io.pcmsim.tools.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Vin;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.tools.Pcmsim;
import io.pcmsim.tools.fleet.BrokerAddress;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record then replay with the real parts: five emulated cars against the embedded broker with the
 * backend in its process (A) are recorded; the recording replayed against a fresh broker and backend (B)
 * gives the same stored messages, byte for byte; replayed with {@code --rewrite-vins} it gives as many
 * messages under new valid VINs, and no original VIN crosses the broker.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RecordReplayIT {

    private static final int CARS = 5;
    private static final SimulatedClock CLOCK = SimulatedClock.startingAt(Instant.now(), 3600);

    @TempDir
    static Path folder;
    private static Path recording;
    private static Map<String, String> storedA;
    private static Set<String> originalVins;

    private final List<AutoCloseable> running = new ArrayList<>();

    @BeforeAll
    static void recordAFleet() throws Exception {
        recording = folder.resolve("fleet.pcmrec");
        Path dataA = folder.resolve("backend-a");
        Set<String> recordedUplinks = ConcurrentHashMap.newKeySet();
        EmbeddedBroker broker = EmbeddedBroker.builder().inProcessIngest().build();
        try (broker) {
            broker.start().get(60, TimeUnit.SECONDS);
            try (Backend backend = Backend.inProcess(BackendConfig.builder().dataDir(dataA).clock(CLOCK).build(), broker);
                 RecordingWriter writer = RecordingWriter.create(recording, Clock.systemUTC(), Duration.ofSeconds(1));
                 TrafficSubscription subscription = TrafficSubscription.start(options(broker.url()), "it-record", null,
                         Clock.systemUTC(), message -> {
                             writer.write(message);
                             if (TopicKind.of(message.topic()).direction() == TopicKind.Direction.UP) {
                                 recordedUplinks.add(key(message.payload()));
                             }
                         });
                 Fleet fleet = Fleet.create(FleetConfig.builder().brokerHost(broker.host()).brokerPort(broker.port())
                         .vehicles(CARS).seed(11).clock(CLOCK).wallClock(Clock.systemUTC())
                         .reportInterval(Duration.ofHours(1)).build())) {
                backend.start().get(60, TimeUnit.SECONDS);
                fleet.start().get(60, TimeUnit.SECONDS);
                List<Vin> vins = fleet.vehicles().stream().map(EmulatedVehicle::vin).toList();
                originalVins = vins.stream().map(Vin::value).collect(Collectors.toSet());
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(vins)
                        .allSatisfy(vin -> assertThat(backend.storedMessages(vin)).isGreaterThanOrEqualTo(3)));
                fleet.stop().get(60, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(recordedUplinks).containsAll(StoredMessages.of(dataA).keySet()));
            }
        }
        storedA = StoredMessages.of(dataA);
        assertThat(storedA).hasSizeGreaterThanOrEqualTo(3 * CARS);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void replay_againstAFreshBrokerAndBackend_storesTheSameMessages() throws Exception {
        Path dataB = folder.resolve("backend-b");
        EmbeddedBroker broker = startBrokerAndBackend(dataB);

        Run replay = run("replay", recording.toString(), "--broker", broker.url(), "--speed", "max");

        assertThat(replay.exitCode).as(replay.toString()).isZero();
        assertThat(replay.out).contains("failed    none").contains("over " + CARS + " connections");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(StoredMessages.of(dataB)).isEqualTo(storedA));
    }

    @Test
    void replay_withRewrittenVins_storesAsManyUnderNewValidVinsAndNoOriginalCrossesTheBroker() throws Exception {
        Path dataC = folder.resolve("backend-c");
        EmbeddedBroker broker = startBrokerAndBackend(dataC);
        Collection<TrafficMessage> wire = new ConcurrentLinkedQueue<>();
        running.add(TrafficSubscription.start(options(broker.url()), "it-wire", null, Clock.systemUTC(), wire::add));

        Run replay = run("replay", recording.toString(), "--broker", broker.url(), "--speed", "max",
                "--rewrite-vins", "--seed", "5");

        assertThat(replay.exitCode).as(replay.toString()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(StoredMessages.of(dataC)).hasSameSizeAs(storedA));
        Map<String, String> storedC = StoredMessages.of(dataC);
        Set<String> newVins = storedC.keySet().stream().map(k -> k.split("/")[0]).collect(Collectors.toSet());
        assertThat(newVins).hasSize(CARS).doesNotContainAnyElementsOf(originalVins)
                .allSatisfy(vin -> assertThat(Vin.isValid(vin)).as(vin).isTrue());
        assertThat(bootsAndSequences(storedC)).isEqualTo(bootsAndSequences(storedA));
        await().atMost(Duration.ofSeconds(30)).until(() -> wire.size() >= storedA.size());
        assertThat(wire).allSatisfy(m -> assertThat(originalVins).allSatisfy(vin -> {
            assertThat(m.topic()).doesNotContain(vin);
            assertThat(new String(m.payload(), StandardCharsets.ISO_8859_1)).doesNotContain(vin);
        }));
    }

    private EmbeddedBroker startBrokerAndBackend(Path dataDir) throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.builder().inProcessIngest().build();
        running.add(broker);
        broker.start().get(60, TimeUnit.SECONDS);
        Backend backend = Backend.inProcess(BackendConfig.builder().dataDir(dataDir).clock(CLOCK).build(), broker);
        running.add(backend);
        backend.start().get(60, TimeUnit.SECONDS);
        return broker;
    }

    private static List<String> bootsAndSequences(Map<String, String> stored) {
        return stored.keySet().stream().map(k -> k.substring(k.indexOf('/'))).sorted().toList();
    }

    private static String key(byte[] payload) {
        try {
            var header = UplinkEnvelope.parseFrom(payload).getHeader();
            return header.getVin() + "/" + header.getBootId() + "/" + header.getSequence();
        } catch (Exception e) {
            return "undecodable";
        }
    }

    static BrokerOptions options(String url) {
        BrokerOptions options = new BrokerOptions();
        options.broker = BrokerAddress.parse(url);
        assertThat(options.problem()).isNull();
        return options;
    }

    /** Runs a pcmsim command in this process. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** What a command printed and returned. */
    record Run(int exitCode, String out, String err) {
    }
}
