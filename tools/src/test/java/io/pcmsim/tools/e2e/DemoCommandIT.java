package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.pcmsim.protocol.Topics;
import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
                "--privacy-fraction", "0.25", "--breakdown-fraction", "0.5", "--seed", "5", "--report", report.toString());

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
        long published = 0;
        for (JsonNode count : json.get("published")) {
            published += count.asLong();
        }
        assertThat(json.get("stored").asLong()).isEqualTo(published);
        assertThat(json.get("rejected").isObject()).isTrue();
        assertThat(json.get("notHandledByBackend").asLong()).isZero();
        assertThat(json.at("/maintenanceNeeds/total").asLong()).isPositive();
        assertThat(json.at("/maintenanceNeeds/byComponent").isObject()).isTrue();
        assertThat(json.at("/maintenanceNeeds/bySeverity").isObject()).isTrue();
        assertThat(json.at("/privacy/vehiclesInPrivacyMode").asInt()).isEqualTo(3);
        assertThat(json.at("/privacy/messagesReceivedWhilePrivate").asLong()).isZero();
        assertThat(json.at("/suppressedByCars/smart-service").asLong()).as("private cars held reports back").isPositive();
        JsonNode breakdown = json.get("breakdown");
        assertThat(breakdown.get("inCarCalls").asLong() + breakdown.get("appCalls").asLong()).isEqualTo(6);
        assertThat(breakdown.get("appCalls").asLong()).isEqualTo(2);
        assertThat(breakdown.get("cases").asLong()).as("a case per call that left a car, and per app call")
                .isEqualTo(breakdown.get("inCarCalls").asLong() - breakdown.get("refusedByCarSettings").asLong()
                        + breakdown.get("appCalls").asLong());
        long inCarReports = breakdown.get("inCarCalls").asLong() - breakdown.get("refusedByCarSettings").asLong();
        assertThat(json.at("/published/breakdown").asLong()).as("in-car reports, and answers to app pulls")
                .isBetween(inCarReports, inCarReports + breakdown.get("appCalls").asLong());
        assertThat(out.toString()).contains("breakdown calls     4 in cars");
        assertThat(json.get("tripsStarted").asLong()).as("every car drives at least once, at most three times")
                .isBetween(12L, 36L);
        JsonNode manual = json.get("manual");
        assertThat(manual.get("linksServed").asLong() + manual.get("unknownCodes").asLong())
                .as("every message shown is answered").isEqualTo(manual.get("messagesShown").asLong());
        assertThat(json.at("/published/manual").asLong()).as("what the cars sent, the backend counted")
                .isEqualTo(manual.get("events").asLong());
        JsonNode software = json.get("softwareUpdate");
        assertThat(software.get("campaigns").asLong()).as("one campaign per model of the fleet").isPositive();
        assertThat(software.get("waves").asLong()).as("each campaign opened its first wave")
                .isGreaterThanOrEqualTo(software.get("campaigns").asLong());
        assertThat(software.get("installed").asLong() + software.get("failed").asLong()
                + software.get("declined").asLong() + software.get("deferred").asLong())
                .as("every result belongs to an offer").isLessThanOrEqualTo(software.get("offered").asLong());
        JsonNode maps = json.get("mapUpdate");
        assertThat(maps.get("keysIssued").asLong()).as("every car that logged in was entitled to a key")
                .isGreaterThanOrEqualTo(12);
        assertThat(maps.get("installed").asLong()).isLessThanOrEqualTo(maps.get("offered").asLong());
    }

    @Test
    @Timeout(120)
    void demo_whenAnotherClientPublishesOnPrivateCarsTopics_countsThemAsForeignNotAsViolation() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        Path report = dir.resolve("foreign.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // every car is private for the middle half of the run
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("demo", "--vehicles", "3",
                "--duration", "8s", "--privacy-fraction", "1", "--seed", "7", "--port", String.valueOf(port),
                "--report", report.toString()));

        Mqtt5AsyncClient intruder = Mqtt5Client.builder().identifier("intruder-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> intruder.connect().get(5, TimeUnit.SECONDS) != null);
        Set<String> vins = ConcurrentHashMap.newKeySet();
        intruder.subscribeWith().topicFilter("pcm/v1/vehicles/+/up/+")
                .callback(p -> vins.add(Topics.parseUplink(p.getTopic().toString()).orElseThrow().vinText()))
                .send().get(10, TimeUnit.SECONDS);
        AtomicLong junkSent = new AtomicLong();
        ScheduledExecutorService junk = Executors.newSingleThreadScheduledExecutor();
        try {
            junk.scheduleAtFixedRate(() -> vins.forEach(vin -> intruder.publishWith()
                    .topic("pcm/v1/vehicles/" + vin + "/up/smart-service").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("junk".getBytes(StandardCharsets.US_ASCII)).send()
                    .thenRun(junkSent::incrementAndGet)), 100, 100, TimeUnit.MILLISECONDS);
            assertThat(exit.get(110, TimeUnit.SECONDS)).as("exit code; stderr: %s", err).isZero();
        } finally {
            junk.shutdownNow();
            intruder.disconnect();
        }

        assertThat(junkSent.get()).as("junk published on the private cars' topics").isGreaterThan(20);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/privacy/vehiclesInPrivacyMode").asInt()).isEqualTo(3);
        assertThat(json.at("/privacy/messagesReceivedWhilePrivate").asLong()).isZero();
        assertThat(json.get("foreignPublishesOnCarTopics").asLong()).isGreaterThan(20);
        assertThat(json.get("interrupted").asBoolean()).isFalse();
        assertThat(out.toString()).contains("published by other clients than the car, not counted as the car's");
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
