package io.pcmsim.tools.traffic;

import static io.pcmsim.tools.traffic.RecordReplayIT.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Vin;
import io.pcmsim.tools.Pcmsim;
import io.pcmsim.tools.traffic.RecordReplayIT.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The traffic commands from the command line against the embedded broker, and with hostile input. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrafficCommandsIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS123456");
    private static final String LOGIN_TOPIC = "pcm/v1/vehicles/" + VIN + "/up/login";

    @TempDir
    Path dir;

    /** A command running on another thread, with what it printed so far. */
    private record Background(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {
    }

    private static Background start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Background(CompletableFuture.supplyAsync(() -> cli.execute(args)), out, err);
    }

    @Test
    void tap_knownAndMalformedMessages_printsADecodedLineAndAnErrorLineAndGoesOn() throws Exception {
        Background tap = start("tap", "--broker", BROKER.url(), "--vin", VIN.value(), "--count", "3");
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.err().toString().contains("listening"));

        try (TestPublisher publisher = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            publisher.publish(LOGIN_TOPIC, Uplinks.login(VIN, 77, 1).toByteArray());
            publisher.publish(LOGIN_TOPIC, new byte[] {(byte) 0xff, (byte) 0xfe});
            publisher.publish(LOGIN_TOPIC, Uplinks.login(VIN, 77, 2).toByteArray());
        }

        assertThat(tap.exit().get(30, TimeUnit.SECONDS)).isZero();
        String[] lines = tap.out().toString().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains(VIN + " up login {header {").contains("boot_id: 77").contains("sequence: 1");
        assertThat(lines[1]).contains(VIN + " up login MALFORMED").contains("pcm.v1.UplinkEnvelope")
                .endsWith("payload (2 bytes): ff fe");
        assertThat(lines[2]).contains("sequence: 2");
        assertThat(tap.err().toString()).contains("3 messages, 1 malformed");
    }

    @Test
    void tapJson_knownMessage_printsOneJsonObject() throws Exception {
        Background tap = start("tap", "--broker", BROKER.url(), "--vin", VIN.value(), "--count", "1", "--json");
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.err().toString().contains("listening"));

        try (TestPublisher publisher = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            publisher.publish(LOGIN_TOPIC, Uplinks.login(VIN, 78, 1).toByteArray());
        }

        assertThat(tap.exit().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(tap.out().toString().strip()).startsWith("{\"time\":").contains("\"vin\":\"" + VIN + "\"")
                .contains("\"boot_id\":78").contains("\"payloadBase64\":").doesNotContain("\n");
    }

    @Test
    void record_count_writesThatManyMessagesWithTheirQosAndRetainFlag() throws Exception {
        Path file = dir.resolve("three.pcmrec");
        Background record = start("record", "--broker", BROKER.url(), "--out", file.toString(), "--count", "3",
                "--vin", VIN.value());
        await().atMost(Duration.ofSeconds(30)).until(() -> record.out().toString().contains("recording " + VIN));

        try (TestPublisher publisher = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            publisher.publishRetained("pcm/v1/vehicles/" + VIN + "/status", new byte[] {8, 1});
            publisher.publish(LOGIN_TOPIC, Uplinks.login(VIN, 79, 1).toByteArray());
            publisher.publish("pcm/v1/vehicles/WP0ZZZ99ZKS654321/up/login", new byte[] {1});
            publisher.publish(LOGIN_TOPIC, Uplinks.login(VIN, 79, 2).toByteArray());
        }

        assertThat(record.exit().get(30, TimeUnit.SECONDS)).as(record.err().toString()).isZero();
        assertThat(record.out().toString()).contains("3 messages (status 1, up 2)");
        List<TrafficMessage> read = RecordingFileTest.readAll(file);
        assertThat(read).extracting(TrafficMessage::topic).containsExactly("pcm/v1/vehicles/" + VIN + "/status",
                LOGIN_TOPIC, LOGIN_TOPIC);
        assertThat(read).extracting(TrafficMessage::retain).containsExactly(true, false, false);
        assertThat(read).extracting(TrafficMessage::qos).containsOnly(1);
    }

    @Test
    void record_unreachableBroker_failsWithExitOneAndSaysSo() throws Exception {
        Run record = run("record", "--broker", "tcp://127.0.0.1:" + closedPort(), "--out",
                dir.resolve("r.pcmrec").toString(), "--count", "1");

        assertThat(record.exitCode()).isEqualTo(1);
        assertThat(record.err()).contains("cannot connect to tcp://127.0.0.1:").contains("nothing recorded");
    }

    @Test
    void record_fullDisk_failsWithExitOneNamingTheReason() {
        assumeThat(Files.isWritable(Path.of("/dev/full"))).as("needs the Linux device /dev/full").isTrue();

        Run record = run("record", "--broker", BROKER.url(), "--out", "/dev/full", "--count", "1");

        assertThat(record.exitCode()).isEqualTo(1);
        assertThat(record.err()).contains("cannot write the recording /dev/full: No space left on device");
    }

    @Test
    void record_outIsAFolder_isAUsageError() {
        Run record = run("record", "--broker", BROKER.url(), "--out", dir.toString());

        assertThat(record.exitCode()).isEqualTo(2);
        assertThat(record.err()).contains("is a folder");
    }

    @Test
    void replay_withoutTheRecordingFile_failsBeforeConnecting() {
        Path missing = dir.resolve("missing.pcmrec");

        Run replay = run("replay", missing.toString(), "--broker", BROKER.url());

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.err()).contains("cannot read the recording " + missing + ": no such file");
        assertThat(replay.out()).isEmpty();
    }

    @Test
    void replay_ofAFileThatIsNoRecording_failsNamingIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a recording at all");

        Run replay = run("replay", text.toString(), "--broker", BROKER.url());

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.err()).contains(text.toString()).contains("byte 0").contains("not a pcmsim recording");
    }

    @Test
    void replay_toABrokerThatIsNotThere_countsEveryMessageAsFailed() throws Exception {
        Path file = recordingOf(3);

        Run replay = run("replay", file.toString(), "--broker", "tcp://127.0.0.1:" + closedPort(), "--speed", "max");

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.out()).contains("0 of 3 messages replayed").contains("failed    ConnectionFailedException");
    }

    @Test
    void replay_badSpeed_isAUsageError() throws Exception {
        Run replay = run("replay", recordingOf(1).toString(), "--broker", BROKER.url(), "--speed", "0");

        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).contains("'0' is not a speed");
    }

    @Test
    void replay_truncatedRecording_replaysTheCompleteRecordsAndSaysWhereItEnds() throws Exception {
        Path file = recordingOf(3);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 2));

        Run replay = run("replay", file.toString(), "--broker", BROKER.url(), "--speed", "max", "--uplinks-only");

        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        assertThat(replay.err()).contains("is truncated at byte").contains("replaying the 2 messages before it");
        assertThat(replay.out()).contains("2 of 2 messages replayed");
    }

    @Test
    void toJson_corruptRecording_convertsWhatCameBeforeAndNamesFileAndOffset() throws Exception {
        Path file = recordingOf(3);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x01;
        Files.write(file, bytes);
        Path json = dir.resolve("out.jsonl");

        Run toJson = run("recording", "to-json", file.toString(), "--out", json.toString());

        assertThat(toJson.exitCode()).isEqualTo(1);
        assertThat(toJson.err()).contains("2 messages converted").contains("recording " + file + " is broken at byte")
                .contains("checksum mismatch");
        assertThat(Files.readAllLines(json)).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"sequence\""));
    }

    /** A recording of {@code n} logins of one car. */
    private Path recordingOf(int n) {
        Path file = dir.resolve("logins-" + n + ".pcmrec");
        try (RecordingWriter writer = RecordingWriter.create(file, java.time.Clock.systemUTC(), Duration.ofSeconds(1))) {
            for (int i = 1; i <= n; i++) {
                writer.write(new TrafficMessage(i * 1000L, LOGIN_TOPIC, 1, false,
                        Uplinks.login(VIN, 80, i).toByteArray()));
            }
        }
        return file;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
