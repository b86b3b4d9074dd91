package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcmsim backend} as its own process (the built jar): cars connect to its embedded broker, their
 * data is served by its HTTP API, Ctrl-C stops it cleanly, and a restart on the same data folder serves
 * what was stored before. A port in use stops it before anything runs.
 */
class BackendCommandIT {

    private static final Path JAR = Path.of("target", "pcmsim.jar");
    private static final Pattern LISTENING =
            Pattern.compile("embedded MQTT broker on tcp://127\\.0\\.0\\.1:(\\d+), HTTP API on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void tearDown() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(240)
    void servesWhatCarsSentStopsOnCtrlCAndKeepsItsDataAcrossARestart() throws Exception {
        Process backend = start("first", "--port", "0", "--http-port", "0", "--data-dir", dir.resolve("data").toString(),
                "--metrics-port", "0");
        int[] ports = ports("first");
        Vin vin;
        try (Fleet fleet = Fleet.create(FleetConfig.builder().brokerHost("127.0.0.1").brokerPort(ports[0])
                .vehicles(2).seed(7).build())) {
            fleet.start().get(60, TimeUnit.SECONDS);
            vin = fleet.vehicles().get(0).vin();
            await().atMost(Duration.ofSeconds(60)).until(() -> get(ports[1], vin).statusCode() == 200);
        }
        JsonNode before = json.readTree(get(ports[1], vin).body());
        Matcher metricsAt = Pattern.compile("metrics at (http://\\S+)").matcher(Files.readString(dir.resolve("first.out")));
        assertThat(metricsAt.find()).as("the metrics address is printed").isTrue();
        String scrape = http.send(HttpRequest.newBuilder(URI.create(metricsAt.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape).contains("pcmsim_backend_");
        assertThat(before.path("settings").path("privacyMode").asBoolean()).isFalse();
        assertThat(before.path("smartService").path("state").path("odometerKm").asDouble()).isPositive();

        new ProcessBuilder("kill", "-INT", String.valueOf(backend.pid())).start().waitFor(10, TimeUnit.SECONDS);
        assertThat(backend.waitFor(90, TimeUnit.SECONDS)).as("ended within 90 s").isTrue();
        assertThat(backend.exitValue()).as(Files.readString(dir.resolve("first.err"))).isEqualTo(130);
        assertThat(Files.readString(dir.resolve("first.out"))).contains("pcmsim backend: stopping; stored ");
        assertThat(Files.readString(dir.resolve("first.err"))).as("the enrolment is told")
                .contains("enrolled " + vin.value() + " at its first login: owner ");
        assertThat(before.path("contract").path("entitled").asBoolean()).isTrue();

        start("second", "--port", "0", "--http-port", "0", "--data-dir", dir.resolve("data").toString());
        int[] again = ports("second");
        JsonNode after = json.readTree(get(again[1], vin).body());
        assertThat(after.path("storedMessages").asLong()).isEqualTo(before.path("storedMessages").asLong());
        assertThat(after.path("smartService")).isEqualTo(before.path("smartService"));
    }

    @Test
    @Timeout(120)
    void anHttpPortInUseEndsWithExitCode2AndSaysWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Process backend = start("taken", "--port", "0", "--http-port", String.valueOf(taken.getLocalPort()),
                    "--data-dir", dir.resolve("data").toString());
            assertThat(backend.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(backend.exitValue()).isEqualTo(2);
            assertThat(Files.readString(dir.resolve("taken.err")))
                    .contains("cannot serve the HTTP API on 127.0.0.1:" + taken.getLocalPort())
                    .contains("choose another --http-port")
                    .doesNotContain("Exception");
        }
    }

    private Process start(String name, String... args) throws Exception {
        assertThat(JAR).as("the runnable jar (built in the package phase, before the integration tests)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "backend"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
        processes.add(process);
        return process;
    }

    /** The broker's and the HTTP API's ports, once the backend says it is listening. */
    private int[] ports(String name) {
        Path out = dir.resolve(name + ".out");
        Matcher[] found = new Matcher[1];
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            Matcher m = LISTENING.matcher(Files.readString(out));
            found[0] = m;
            return m.find();
        });
        return new int[] {Integer.parseInt(found[0].group(1)), Integer.parseInt(found[0].group(2))};
    }

    private HttpResponse<String> get(int port, Vin vin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/owner/vehicles/"
                + vin.value())).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
