package io.pcmsim.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pcmsim bench fleet} with a few clients: what it prints and reports, never its speed. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FleetBenchCommandIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void benchFleet_onItsOwnMosquitto_measuresBothSidesOfBothModesAndWritesTheReport(@TempDir Path dir)
            throws Exception {
        ExternalServices.requireExecutable("mosquitto", "install it with `apt-get install mosquitto`");
        Path report = dir.resolve("fleet.json");

        int exit = run("bench", "fleet", "--vehicles", "20", "--duration", "2s", "--warmup", "1s",
                "--report", report.toString());

        assertThat(exit).as("stdout: %s%nstderr: %s", out, err).isZero();
        assertThat(out.toString())
                .containsPattern("20 clients per side against tcp://127\\.0\\.0\\.1:[0-9]+ \\(own Mosquitto\\)")
                .contains("mode idle: fleet at speed 1", "mode busy: fleet at speed 3600")
                .containsPattern("connected +20/20 +20/20")
                .containsPattern("first connects per second +[0-9.]+ +[0-9.]+ +[0-9.]+ +fleet/bare >= 0.8 +(met|MISSED)")
                .contains("heap per connected client (KB)", "acknowledged per second (window)", "threads of the JVM")
                .contains("report written to");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("vehicles").asInt()).isEqualTo(20);
        assertThat(json.get("brokerKind").asText()).isEqualTo("own Mosquitto");
        assertThat(json.get("modes")).hasSize(2);
        for (JsonNode mode : json.get("modes")) {
            for (String side : new String[] {"bare", "fleet"}) {
                JsonNode figures = mode.get(side);
                assertThat(figures.get("connected").asInt()).as("%s %s", mode.get("mode"), side).isEqualTo(20);
                assertThat(figures.get("connectsPerSecond").asDouble()).isPositive();
                assertThat(figures.get("heapAfterBytes").asLong()).isPositive();
                assertThat(figures.get("threads").asInt()).isPositive();
                assertThat(figures.get("errors").asLong()).isZero();
            }
            assertThat(mode.get("connectRatio").asDouble()).isPositive();
        }
        JsonNode busy = json.get("modes").get(1);
        assertThat(busy.get("mode").asText()).isEqualTo("busy");
        assertThat(busy.get("offeredPerSecond").asDouble()).isEqualTo(20.0);
        assertThat(busy.get("bare").get("acknowledged").asLong()).as("one report per client per second").isPositive();
        assertThat(busy.get("fleet").get("acknowledged").asLong()).isPositive();
    }

    @Test
    void benchFleet_againstAGivenBroker_usesItForBothSides() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().port(0).build()) {
            broker.start().get(60, TimeUnit.SECONDS);

            int exit = run("bench", "fleet", "--vehicles", "20", "--mode", "busy", "--duration", "2s", "--warmup",
                    "0s", "--connect-rate", "100", "--broker", broker.url());

            assertThat(exit).as("stdout: %s%nstderr: %s", out, err).isZero();
            assertThat(out.toString())
                    .contains("20 clients per side against " + broker.url() + " (external); connect limit 100/s")
                    .contains("mode busy").doesNotContain("mode idle")
                    .containsPattern("connected +20/20 +20/20");
        }
    }

    @Test
    void benchFleet_whenTheGivenBrokerIsUnreachable_saysSoAndExitsWith1() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }

        int exit = run("bench", "fleet", "--vehicles", "5", "--broker", "tcp://127.0.0.1:" + port);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("pcmsim bench fleet: cannot reach the MQTT broker at tcp://127.0.0.1:"
                + port).doesNotContain("\tat ");
        assertThat(out.toString()).doesNotContain("clients per side against");
    }
}
