package io.pcmsim.tools.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcmsim.protocol.Vin;
import io.pcmsim.tools.Pcmsim;
import io.pcmsim.vehicle.fleet.MqttCredentials;
import io.pcmsim.vehicle.fleet.VehicleCredentials;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The options of {@code pcmsim fleet}: what is refused before anything starts, and how. */
class FleetOptionsTest {

    private static final Vin VIN = Vin.of("WP0ZZZ99ZKS123456");

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Pcmsim.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void brokerAddress_readsTcpAndSslWithDefaultPorts() {
        assertThat(BrokerAddress.parse("tcp://127.0.0.1:1884")).isEqualTo(new BrokerAddress(false, "127.0.0.1", 1884));
        assertThat(BrokerAddress.parse("tcp://broker.example")).isEqualTo(new BrokerAddress(false, "broker.example", 1883));
        assertThat(BrokerAddress.parse("ssl://broker.example")).isEqualTo(new BrokerAddress(true, "broker.example", 8883));
        assertThat(BrokerAddress.parse("SSL://[::1]:8884")).isEqualTo(new BrokerAddress(true, "::1", 8884));
        assertThat(BrokerAddress.parse("ssl://[::1]:8884")).hasToString("ssl://[::1]:8884");
        assertThatThrownBy(() -> BrokerAddress.parse("127.0.0.1:1883")).hasMessageContaining("use tcp://HOST:PORT");
        assertThatThrownBy(() -> BrokerAddress.parse("tcp://user:pw@host:1883")).hasMessageContaining("no user");
        assertThatThrownBy(() -> BrokerAddress.parse("tcp://host:1883/path")).hasMessageContaining("no path");
    }

    @Test
    void fleet_withAnUnknownUrlScheme_isAUsageError() {
        assertThat(run("fleet", "--broker", "ws://127.0.0.1:8000", "--vehicles", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--broker': 'ws://127.0.0.1:8000' has the scheme"
                + " ws://, which pcmsim does not speak; use tcp://HOST:PORT, or ssl://HOST:PORT for TLS");
    }

    @Test
    void fleet_withAShardBeyondTheCount_isAUsageError() {
        assertThat(run("fleet", "--broker", "tcp://127.0.0.1:1883", "--vehicles", "3", "--shard", "5/4")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--shard': shard 5/4 does not exist: K/N needs 1 <= K <= N");
    }

    @Test
    void fleet_withANegativeConnectRate_isAUsageError() {
        assertThat(run("fleet", "--broker", "tcp://127.0.0.1:1883", "--vehicles", "3", "--connect-rate", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("--connect-rate must be 0 (no limit) or a positive number");
    }

    @Test
    void fleet_withoutBrokerOrVehicles_isAUsageError() {
        assertThat(run("fleet", "--vehicles", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--broker=URL'");
        assertThat(run("fleet", "--broker", "tcp://127.0.0.1:1883")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--vehicles=N'");
    }

    @Test
    void fleet_withAnUnknownMqttClient_orPahoOnMqtt311_isAUsageError() {
        assertThat(run("fleet", "--broker", "tcp://127.0.0.1:1883", "--vehicles", "3", "--mqtt-client", "mosquitto"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--mqtt-client': must be hivemq or paho, was 'mosquitto'");
        assertThat(run("fleet", "--broker", "tcp://127.0.0.1:1883", "--vehicles", "3", "--mqtt-client", "paho",
                "--mqtt-version", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--mqtt-client paho speaks MQTT 5 only: leave out --mqtt-version 3");
    }

    @Test
    void fleet_withACaFileForPlainTcp_isAUsageError() {
        assertThat(run("fleet", "--broker", "tcp://127.0.0.1:1883", "--vehicles", "3", "--ca-file", "ca.pem")).isEqualTo(2);
        assertThat(err.toString()).contains("--ca-file is for TLS: give the broker as ssl://HOST:PORT");
    }

    @Test
    void fleet_withAnUnreadableCaFile_namesItAndExits2() {
        Path missing = dir.resolve("missing.pem");
        assertThat(run("fleet", "--broker", "ssl://127.0.0.1:8883", "--vehicles", "3", "--ca-file", missing.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("pcmsim fleet: the CA file " + missing + " cannot be read");
    }

    @Test
    void credentials_fromATemplate_replaceTheVin() throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "secret-{vin}\nignored\n");

        VehicleCredentials credentials = CarCredentials.from("car-{vin}", password, null);

        assertThat(credentials.forVehicle(VIN)).contains(MqttCredentials.of("car-" + VIN, "secret-" + VIN));
        assertThat(CarCredentials.from(null, null, null).forVehicle(VIN)).isEmpty();
        assertThat(CarCredentials.from("{vin}", null, null).forVehicle(VIN))
                .contains(MqttCredentials.of(VIN.value(), ""));
    }

    @Test
    void credentials_fromAFile_perCarAndAMissingCarIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("creds"), "# cars\n\n" + VIN + "  user1 pass1\n");

        VehicleCredentials credentials = CarCredentials.from(null, null, file);

        assertThat(credentials.forVehicle(VIN)).isEqualTo(Optional.of(MqttCredentials.of("user1", "pass1")));
        Vin other = Vin.of("WP0ZZZ99ZKS654321");
        assertThatThrownBy(() -> credentials.forVehicle(other))
                .hasMessageContaining("has no line for the car " + other);
    }

    @Test
    void credentials_badInput_getsASentenceNamingOptionFileAndLine() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken"), VIN + " only-two\n");
        assertThatThrownBy(() -> CarCredentials.from(null, null, broken))
                .hasMessage("--credentials-file " + broken + " line 1: expected VIN USERNAME PASSWORD separated by"
                        + " blanks, found 2 fields");
        Path twice = Files.writeString(dir.resolve("twice"), VIN + " a b\n" + VIN + " c d\n");
        assertThatThrownBy(() -> CarCredentials.from(null, null, twice)).hasMessageContaining("line 2: VIN " + VIN
                + " appears twice");
        Path empty = Files.writeString(dir.resolve("empty"), "");
        assertThatThrownBy(() -> CarCredentials.from("u", empty, null)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> CarCredentials.from(null, empty, null)).hasMessageContaining("--password-file needs --username");
        assertThatThrownBy(() -> CarCredentials.from("u", null, broken)).hasMessageContaining("not both");
        assertThatThrownBy(() -> CarCredentials.from("u", dir.resolve("nope"), null)).hasMessageContaining("cannot be read");
    }

    @Test
    void fleet_withCredentialsFileMissingACar_explainsAndExits2() throws Exception {
        Path file = Files.writeString(dir.resolve("creds"), VIN + " user pass\n");

        assertThat(run("fleet", "--broker", "tcp://127.0.0.1:1883", "--vehicles", "2", "--credentials-file",
                file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("pcmsim fleet: --credentials-file " + file + " has no line for the car ");
    }
}
