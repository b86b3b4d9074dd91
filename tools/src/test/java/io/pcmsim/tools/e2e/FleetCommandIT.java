package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.pcmsim.backend.broker.EmbeddedBroker;
import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.protocol.Topics;
import io.pcmsim.tools.Pcmsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code pcmsim fleet} in this JVM against the embedded broker (and Mosquitto), as a user runs it. */
@Timeout(120)
class FleetCommandIT {

    private static final AtomicLong UPLINKS = new AtomicLong();
    private static volatile boolean requireCredentials;
    private static EmbeddedBroker broker;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Accepts every CONNECT, or, when asked, only user name = client id with the password "pw-" + client id. */
    static final class Credentials implements ExtensionMain {
        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            SimpleAuthenticator authenticator = (in, auth) -> {
                String clientId = in.getConnectPacket().getClientId();
                String password = in.getConnectPacket().getPassword()
                        .map(b -> StandardCharsets.UTF_8.decode(b.duplicate()).toString()).orElse("");
                if (!requireCredentials || (in.getConnectPacket().getUserName().orElse("").equals(clientId)
                        && password.equals("pw-" + clientId))) {
                    auth.authenticateSuccessfully();
                } else {
                    auth.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "wrong credentials");
                }
            };
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
            // nothing to release
        }
    }

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.builder().port(0).extension(new Credentials())
                .trafficListener((clientId, topic, payload) -> {
                    if (Topics.parseUplink(topic).isPresent()) {
                        UPLINKS.incrementAndGet();
                    }
                }).build();
        broker.start().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void reset() {
        requireCredentials = false;
    }

    private int run(String... args) {
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String url() {
        return "tcp://127.0.0.1:" + broker.port();
    }

    @Test
    void fleet_againstAHealthyBroker_reportsEveryMessageAcknowledgedWithLatencies() throws Exception {
        Path report = dir.resolve("fleet.json");
        long uplinksBefore = UPLINKS.get();

        int exit = run("fleet", "--broker", url(), "--vehicles", "12", "--seed", "11", "--duration", "4s",
                "--speed", "3600", "--connect-rate", "50", "--report", report.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString()).contains("connected 12/12").contains("pcmsim fleet: 12 cars against " + url())
                .contains("acknowledged").contains("ack latency").contains("report written to");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("interrupted").asBoolean()).isFalse();
        assertThat(json.get("broker").asText()).isEqualTo(url());
        assertThat(json.at("/cars/inShard").asInt()).isEqualTo(12);
        assertThat(json.at("/cars/connectedAtEnd").asInt()).isEqualTo(12);
        assertThat(json.at("/connects/first").asLong()).isEqualTo(12);
        assertThat(json.at("/connects/perSecond").asDouble()).isPositive();
        assertThat(json.at("/connects/rateLimit").asDouble()).isEqualTo(50);
        assertThat(json.at("/connects/reconnects").asLong()).isZero();
        assertThat(json.at("/messages/login/acknowledged").asLong()).isEqualTo(12);
        JsonNode total = json.at("/messages/total");
        assertThat(total.get("acknowledged").asLong()).as("a healthy broker acknowledges everything sent")
                .isEqualTo(total.get("sent").asLong()).isGreaterThan(12);
        assertThat(total.get("refusedByBroker").asLong()).isZero();
        assertThat(total.get("dropped").asLong()).isZero();
        assertThat(total.get("buffered").asLong()).isZero();
        assertThat(UPLINKS.get() - uplinksBefore).as("what the broker received")
                .isEqualTo(total.get("acknowledged").asLong());
        assertThat(json.at("/ackLatencyMs/count").asLong()).isEqualTo(total.get("acknowledged").asLong());
        assertThat(json.at("/ackLatencyMs/p50").asDouble()).isPositive();
        assertThat(json.at("/ackLatencyMs/p99.9").asDouble()).isGreaterThanOrEqualTo(json.at("/ackLatencyMs/p50").asDouble());
        assertThat(json.at("/ackLatencyMs/max").asDouble()).isGreaterThanOrEqualTo(json.at("/ackLatencyMs/p99.9").asDouble());
        assertThat(json.at("/errors/total").asLong()).isZero();
    }

    @Test
    void fleet_onThePahoClient_againstTheEmbeddedBroker_everyMessageAcknowledged() throws Exception {
        Path report = dir.resolve("paho.json");
        long uplinksBefore = UPLINKS.get();

        int exit = run("fleet", "--broker", url(), "--vehicles", "6", "--seed", "16", "--duration", "3s",
                "--speed", "3600", "--mqtt-client", "paho", "--report", report.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString()).contains("pcmsim fleet: 6 cars on the Paho client against " + url());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/cars/connectedAtEnd").asInt()).isEqualTo(6);
        assertThat(json.at("/messages/login/acknowledged").asLong()).isEqualTo(6);
        JsonNode total = json.at("/messages/total");
        assertThat(total.get("acknowledged").asLong()).isEqualTo(total.get("sent").asLong()).isGreaterThan(6);
        assertThat(UPLINKS.get() - uplinksBefore).as("what the broker received")
                .isEqualTo(total.get("acknowledged").asLong());
        assertThat(json.at("/errors/total").asLong()).isZero();
    }

    @Test
    void fleet_withAShardAndPrivateCars_runsOnlyItsShareAndKeepsPrivateCarsOff() throws Exception {
        Path report = dir.resolve("shard.json");

        int exit = run("fleet", "--broker", url(), "--vehicles", "20", "--seed", "12", "--shard", "2/4",
                "--privacy-fraction", "0.2", "--duration", "3s", "--speed", "3600", "--report", report.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("shard").asText()).isEqualTo("2/4");
        assertThat(json.at("/cars/fleet").asInt()).isEqualTo(20);
        assertThat(json.at("/cars/inShard").asInt()).isEqualTo(5);
        assertThat(json.at("/cars/private").asInt()).isEqualTo(1);
        assertThat(json.at("/cars/connectedAtEnd").asInt()).isEqualTo(4);
        assertThat(json.at("/messages/login/acknowledged").asLong()).isEqualTo(4);
        assertThat(out.toString()).contains("(shard 2/4 of 20)");
    }

    @Test
    void fleet_withPerCarCredentialsFromATemplate_isLetIn() throws Exception {
        requireCredentials = true;
        Path password = Files.writeString(dir.resolve("password"), "pw-{vin}\n");
        Path report = dir.resolve("auth.json");

        int exit = run("fleet", "--broker", url(), "--vehicles", "3", "--seed", "13", "--duration", "2s",
                "--username", "{vin}", "--password-file", password.toString(), "--report", report.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/cars/connectedAtEnd").asInt()).isEqualTo(3);
        assertThat(json.at("/errors/total").asLong()).isZero();
    }

    @Test
    void fleet_withPerCarCredentialsFile_isLetIn() throws Exception {
        requireCredentials = true;
        StringWriter vins = new StringWriter();
        CommandLine list = Pcmsim.commandLine();
        list.setOut(new PrintWriter(vins, true));
        assertThat(list.execute("fleet", "--vehicles", "3", "--seed", "14", "--list-vins")).isZero();
        StringBuilder lines = new StringBuilder("# VIN USERNAME PASSWORD\n");
        vins.toString().lines().forEach(vin -> lines.append(vin).append(' ').append(vin).append(" pw-").append(vin).append('\n'));
        Path file = Files.writeString(dir.resolve("credentials"), lines);

        int exit = run("fleet", "--broker", url(), "--vehicles", "3", "--seed", "14", "--duration", "2s",
                "--credentials-file", file.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString()).contains("connected       3 of 3 at the end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hivemq", "paho"})
    void fleet_whenTheBrokerRefusesEveryCar_saysWhyInOneSentenceAndExits1(String client) {
        requireCredentials = true;

        int exit = run("fleet", "--broker", url(), "--vehicles", "3", "--seed", "15", "--duration", "60s",
                "--mqtt-client", client);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("pcmsim fleet: the broker at " + url() + " let no car in")
                .contains("CONNECT refused: BAD_USER_NAME_OR_PASSWORD")
                .contains("check --username, --password-file or --credentials-file")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void fleet_whenTheBrokerIsUnreachable_saysSoInOneSentenceAndExits1() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }

        int exit = run("fleet", "--broker", "tcp://127.0.0.1:" + port, "--vehicles", "3");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("pcmsim fleet: cannot reach the MQTT broker at tcp://127.0.0.1:"
                + port + " (connection refused); is it running, and are host and port right?");
    }

    @ParameterizedTest
    @CsvSource({"hivemq, 3", "paho, 5"})
    void fleet_againstMosquitto_acknowledgesEverything(String client, String mqttVersion) throws Exception {
        ExternalServices.requireMosquitto();
        Path report = dir.resolve("mosquitto.json");

        // Mosquitto may be shared with other runs: a seed of its own keeps the VINs (client ids) apart
        int exit = run("fleet", "--broker", "tcp://127.0.0.1:1883", "--vehicles", "10", "--seed",
                String.valueOf(System.nanoTime()), "--duration", "3s", "--speed", "3600", "--mqtt-version", mqttVersion,
                "--mqtt-client", client, "--report", report.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.at("/cars/connectedAtEnd").asInt()).isEqualTo(10);
        assertThat(json.at("/messages/total/acknowledged").asLong()).isEqualTo(json.at("/messages/total/sent").asLong())
                .isGreaterThanOrEqualTo(10);
    }
}
