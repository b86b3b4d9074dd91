package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pcmsim demo} end to end, in this JVM, as a user runs it. */
class DemoCommandIT {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void demo_whenRun_reportsStoredMessagesNeedsAndNoPrivateTraffic() throws Exception {
        Path report = dir.resolve("r.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("demo", "--vehicles", "12", "--duration", "8s", "--speed", "3600",
                "--privacy-fraction", "0.25", "--seed", "5", "--report", report.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString())
                .contains("online 12/12")
                .contains("pcmsim demo: 12 cars")
                .contains("messages received from them meanwhile: 0");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("vehicles").asInt()).isEqualTo(12);
        assertThat(json.get("simulatedSeconds").asLong()).isBetween(8L * 3600 * 9 / 10, 8L * 3600 * 12 / 10);
        assertThat(json.at("/published/login").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(json.at("/published/smart-service").asLong()).isPositive();
        assertThat(json.get("stored").asLong())
                .isEqualTo(json.at("/published/login").asLong() + json.at("/published/smart-service").asLong());
        assertThat(json.get("rejected").isObject()).isTrue();
        assertThat(json.get("notHandledByBackend").asLong()).isZero();
        assertThat(json.at("/maintenanceNeeds/total").asLong()).isPositive();
        assertThat(json.at("/maintenanceNeeds/byComponent").isObject()).isTrue();
        assertThat(json.at("/maintenanceNeeds/bySeverity").isObject()).isTrue();
        assertThat(json.at("/privacy/vehiclesInPrivacyMode").asInt()).isEqualTo(3);
        assertThat(json.at("/privacy/messagesReceivedWhilePrivate").asLong()).isZero();
        assertThat(json.at("/suppressedByCars/smart-service").asLong()).as("private cars held reports back").isPositive();
    }

    @Test
    void demo_whenArgumentOutOfRange_explainsAndExitsWith2() {
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("demo", "--vehicles", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--vehicles must be at least 1, was 0");
    }

    @Test
    void demo_whenDurationUnreadable_namesTheFormat() {
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("demo", "--duration", "soon");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }
}
