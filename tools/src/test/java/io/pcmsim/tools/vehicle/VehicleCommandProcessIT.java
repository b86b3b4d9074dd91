package io.pcmsim.tools.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcmsim vehicle} as its own process (the built jar, its picocli entry), a script on its standard
 * input and its standard output and error in files, as a shell script runs it.
 */
class VehicleCommandProcessIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private static final Path JAR = Path.of("target", "pcmsim.jar");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void tearDown() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(120)
    void aScriptOnStandardInput_getsOneAnswerLinePerCommand_andQuitEndsWithExitCode0() throws Exception {
        Vin vin = new VinGenerator(99).generate(1).get(0);
        Path script = Files.writeString(dir.resolve("drive.txt"), String.join("\n",
                "# a short drive, scripted",
                "status",
                "start",
                "drive 5",
                "",
                "wait 1h",
                "dirve 5",
                "privacy on",
                "privacy off",
                "quit",
                "status") + "\n");
        assertThat(JAR).as("the runnable jar (built in the package phase, before the integration tests)").exists();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "vehicle", "--vin", vin.value(), "--broker", BROKER.url(),
                "--speed", "0", "--start", "2027-03-01T06:00:00Z")
                .redirectInput(script.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        processes.add(process);

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("ended within 90 s").isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(process.exitValue()).as(err).isZero();
        List<String> answers = Files.readAllLines(dir.resolve("out.txt"));
        assertThat(answers).as("one line per command up to quit, nothing else on stdout").hasSize(8);
        assertThat(answers.get(0)).startsWith("ok status vin=" + vin.value() + " time=2027-03-01T06:00:00Z online=yes ");
        assertThat(answers.get(1)).isEqualTo("ok start ignition on");
        assertThat(answers.get(2)).isEqualTo("ok drive 5.0 km at 25 km/h started, arrives 2027-03-01T06:12:00Z");
        assertThat(answers.get(3)).startsWith("ok wait 1h now=2027-03-01T07:00:00Z ").contains(" state=parked ");
        assertThat(answers.get(4)).startsWith("error: unknown command 'dirve'; commands: status, start, stop, drive,");
        assertThat(answers.get(5)).startsWith("ok privacy on online=no ");
        assertThat(answers.get(6)).startsWith("ok privacy off online=yes ");
        assertThat(answers.get(7)).isEqualTo("ok quit");
        assertThat(err).contains("pcmsim vehicle: " + vin.value() + " (")
                .contains("stopping; 8 commands answered, 1 with an error");
        assertThat(BROKER.traffic()).as("the car's own publishes reached the broker")
                .anyMatch(p -> p.clientId().equals(vin.value()) && p.topic().endsWith("/up/login"));
    }
}
