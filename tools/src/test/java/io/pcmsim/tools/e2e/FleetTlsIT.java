package io.pcmsim.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pcmsim.tools.Pcmsim;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code pcmsim fleet --broker ssl://...} against a Mosquitto of the test's own with a TLS listener and
 * a self-signed certificate for 127.0.0.1 made by the JDK's keytool: trusted through {@code --ca-file},
 * refused with the JDK's default trust store.
 */
@Timeout(120)
class FleetTlsIT {

    @TempDir
    static Path dir;

    private static MosquittoProcess mosquitto;
    private static Path certificate;

    @BeforeAll
    static void startTlsBroker() throws Exception {
        // started as root, mosquitto drops to its own user, which must be able to read certificate and key
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to widen
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("broker.p12");
        Process generate = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "broker",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit")).redirectErrorStream(true).start();
        String output = new String(generate.getInputStream().readAllBytes());
        assertThat(generate.waitFor(60, TimeUnit.SECONDS) && generate.exitValue() == 0).as("keytool: %s", output).isTrue();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        certificate = Files.writeString(dir.resolve("broker.pem"),
                pem("CERTIFICATE", keys.getCertificate("broker").getEncoded()));
        Path key = Files.writeString(dir.resolve("broker.key"),
                pem("PRIVATE KEY", keys.getKey("broker", "changeit".toCharArray()).getEncoded()));
        Path data = Files.createDirectories(dir.resolve("mosquitto"));
        mosquitto = MosquittoProcess.prepareTls(data, certificate, key);
        mosquitto.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hivemq", "paho"})
    void fleet_overTlsTrustingTheBrokersCa_publishesEverything(String client) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path report = dir.resolve("tls.json");

        int exit = run(out, err, "fleet", "--broker", "ssl://127.0.0.1:" + mosquitto.port(), "--ca-file",
                certificate.toString(), "--vehicles", "4", "--seed", "21", "--duration", "3s", "--speed", "3600",
                "--mqtt-client", client, "--report", report.toString());

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("broker").asText()).isEqualTo("ssl://127.0.0.1:" + mosquitto.port());
        assertThat(json.at("/cars/connectedAtEnd").asInt()).isEqualTo(4);
        assertThat(json.at("/messages/total/acknowledged").asLong()).isEqualTo(json.at("/messages/total/sent").asLong())
                .isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hivemq", "paho"})
    void fleet_overTlsWithAnUntrustedCertificate_saysSoInOneSentence(String client) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = run(out, err, "fleet", "--broker", "ssl://127.0.0.1:" + mosquitto.port(), "--vehicles", "3",
                "--seed", "22", "--duration", "60s", "--mqtt-client", client);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("pcmsim fleet: the broker at ssl://127.0.0.1:" + mosquitto.port()
                + " let no car in (TLS handshake failed").contains("(--ca-file)").hasLineCount(1);
    }

    @Test
    void fleet_plainMqttAgainstTheTlsPort_isNotLetIn() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = run(out, err, "fleet", "--broker", "tcp://127.0.0.1:" + mosquitto.port(), "--vehicles", "3",
                "--seed", "23", "--duration", "60s");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("pcmsim fleet: the broker at tcp://127.0.0.1:" + mosquitto.port()
                + " let no car in").hasLineCount(1);
    }
}
