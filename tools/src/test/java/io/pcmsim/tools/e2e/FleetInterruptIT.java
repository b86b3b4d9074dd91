package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.backend.broker.EmbeddedBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcmsim fleet} as its own process (the built jar), running without {@code --duration} until it
 * is ended by Ctrl-C (SIGINT) or SIGTERM: it stops the cars and reports what it measured until then.
 */
class FleetInterruptIT {

    private static final Path JAR = Path.of("target", "pcmsim.jar");

    @TempDir
    Path dir;

    private EmbeddedBroker broker;
    private Process process;

    @BeforeEach
    void startBroker() throws Exception {
        broker = EmbeddedBroker.builder().port(0).build();
        broker.start().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Timeout(180)
    void fleet_whenCtrlC_stopsTheCarsAndReportsWhatItMeasuredSoFar() throws Exception {
        Path report = start();

        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);

        assertEndedWithReport(130, report);
    }

    @Test
    @Timeout(180)
    void fleet_whenTerminated_stopsTheCarsAndReportsWhatItMeasuredSoFar() throws Exception {
        Path report = start();

        process.destroy(); // SIGTERM

        assertEndedWithReport(143, report);
    }

    private Path start() throws Exception {
        assertThat(JAR).as("the runnable jar (built in the package phase, before the integration tests)").exists();
        Path report = dir.resolve("report.json");
        process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(),
                "fleet", "--broker", "tcp://127.0.0.1:" + broker.port(), "--vehicles", "10", "--speed", "3600",
                "--report", report.toString()))
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(dir.resolve("out.txt")).contains("connected 10/10"));
        return report;
    }

    private void assertEndedWithReport(int exitCode, Path report) throws Exception {
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("ended within 90 s").isTrue();
        String stdout = Files.readString(dir.resolve("out.txt"));
        String stderr = Files.readString(dir.resolve("err.txt"));
        assertThat(process.exitValue()).as("exit code (128 + the signal); stderr: %s", stderr).isEqualTo(exitCode);
        assertThat(stdout).contains("INTERRUPTED, counts until then").contains("report written to");
        assertThat(stderr).contains("pcmsim fleet: interrupted").doesNotContain("Exception");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("interrupted").asBoolean()).isTrue();
        assertThat(json.at("/cars/connectedAtEnd").asInt()).isEqualTo(10);
        assertThat(json.at("/messages/login/acknowledged").asLong()).isEqualTo(10);
        JsonNode total = json.at("/messages/total");
        assertThat(total.get("sent").asLong()).as("every message sent was acknowledged before the cars stopped")
                .isEqualTo(total.get("acknowledged").asLong());
        assertThat(json.get("realSeconds").asDouble()).isPositive().isLessThan(120);
    }
}
