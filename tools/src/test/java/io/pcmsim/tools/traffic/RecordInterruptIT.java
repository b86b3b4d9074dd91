package io.pcmsim.tools.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.backend.testing.TestPublisher;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Vin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcmsim record} as its own process (the built jar): Ctrl-C closes the recording cleanly and
 * prints the counts; a recorder killed without warning leaves a readable file with what was flushed.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RecordInterruptIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private static final Path JAR = Path.of("target", "pcmsim.jar");
    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS223344");

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void record_whenCtrlC_closesTheFileCleanlyAndPrintsTheCounts() throws Exception {
        Path file = recordThree();

        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended within 60 s").isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isEqualTo(130);
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("pcmsim record: 3 messages (up 3)");
        assertThat(RecordingFileTest.readAll(file)).hasSize(3);
    }

    @Test
    void record_whenKilled_leavesAReadableFileWithWhatWasFlushed() throws Exception {
        Path file = recordThree();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(file) > RecordingFormat.HEADER_BYTES + 100);

        process.destroyForcibly();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(RecordingFileTest.readAll(file)).hasSize(3);
    }

    /** Starts the recorder and publishes three uplinks it records. */
    private Path recordThree() throws Exception {
        assertThat(JAR).as("the runnable jar (built in the package phase, before the integration tests)").exists();
        Path file = dir.resolve("r.pcmrec");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "record", "--broker", BROKER.url(), "--out", file.toString(),
                "--vin", VIN.value()))
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(dir.resolve("out.txt")).contains("recording " + VIN));
        try (TestPublisher publisher = TestPublisher.connect(BROKER.host(), BROKER.port())) {
            for (int i = 1; i <= 3; i++) {
                publisher.publish("pcm/v1/vehicles/" + VIN + "/up/login", Uplinks.login(VIN, 5, i).toByteArray());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("out.txt"))
                .contains("recording: 3 messages"));
        return file;
    }
}
