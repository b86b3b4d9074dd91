package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcmsim demo} as its own process (the built jar), ended by SIGTERM while it runs, as a user's
 * Ctrl-C, a CI timeout or a container stop would end it.
 */
class DemoInterruptIT {

    private static final Path JAR = Path.of("target", "pcmsim.jar");
    private static final Pattern DATA_FOLDER = Pattern.compile("data folder (\\S+) \\(temporary");

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
    @Timeout(180)
    void demo_whenTerminatedWhileRunning_stopsWritesTheReportSoFarAndRemovesItsTemporaryFolders() throws Exception {
        assertThat(JAR).as("the runnable jar (built in the package phase, before the integration tests)").exists();
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Path report = dir.resolve("report.json");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp.toAbsolutePath(),
                "-jar", JAR.toAbsolutePath().toString(),
                "demo", "--vehicles", "20", "--duration", "10m", "--report", report.toString()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();

        await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(out).contains("online 20/20"));
        Matcher folder = DATA_FOLDER.matcher(Files.readString(out));
        assertThat(folder.find()).as("the demo names its data folder; stdout: %s", Files.readString(out)).isTrue();
        Path dataFolder = Path.of(folder.group(1));
        assertThat(dataFolder).startsWith(temp.toAbsolutePath()).exists();

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("ended within 90 s").isTrue();
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        assertThat(process.exitValue()).as("exit code (128 + SIGTERM); stderr: %s", stderr).isEqualTo(143);
        assertThat(stdout).contains("INTERRUPTED, counts until then").contains("report written to");
        assertThat(stderr).contains("pcmsim demo: interrupted").doesNotContain("Exception");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("interrupted").asBoolean()).isTrue();
        assertThat(json.get("vehicles").asInt()).isEqualTo(20);
        assertThat(json.at("/published/login").asLong()).isGreaterThanOrEqualTo(20);
        assertThat(json.get("receivedByBroker").asLong()).isPositive();
        assertThat(json.get("stored").asLong()).as("everything received is stored before the backend stops")
                .isEqualTo(json.get("receivedByBroker").asLong());
        assertThat(json.get("notHandledByBackend").asLong()).isZero();
        assertThat(json.at("/maintenanceNeeds/byComponent").size()).as("needs read from the open database")
                .isPositive();
        assertThat(json.get("realSeconds").asDouble()).isPositive().isLessThan(120);
        assertThat(dataFolder).as("the temporary data folder is removed").doesNotExist();
        assertThat(leftIn(temp)).as("nothing of pcmsim left in the temporary folder").isEmpty();
    }

    private static List<String> leftIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("pcmsim")).toList();
        }
    }
}
