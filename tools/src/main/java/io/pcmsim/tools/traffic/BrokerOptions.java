package io.pcmsim.tools.traffic;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.pcmsim.tools.fleet.BrokerAddress;
import io.pcmsim.vehicle.fleet.BrokerTls;
import io.pcmsim.vehicle.internal.TlsSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The broker options of the traffic commands, as {@code pcmsim fleet} has them: {@code --broker} with
 * tcp:// or ssl://, {@code --ca-file}, and {@code --username} with {@code --password-file}.
 */
public final class BrokerOptions {

    @Option(names = "--broker", paramLabel = "URL", required = true, converter = BrokerAddress.Converter.class,
            description = "The broker: tcp://HOST:PORT, or ssl://HOST:PORT for TLS (ports 1883 and 8883 when left out).")
    @Nullable BrokerAddress broker;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "With ssl://: trust the CA certificates in FILE (PEM) instead of the JDK's trust store.")
    @Nullable Path caFile;

    @Option(names = "--username", paramLabel = "NAME",
            description = "MQTT user name; in replay {vin} is replaced by the client id (the car's VIN).")
    @Nullable String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the MQTT password ({vin} replaced as in --username); needs --username.")
    @Nullable Path passwordFile;

    private @Nullable String password;
    private @Nullable MqttClientSslConfig ssl;

    /**
     * Checks the combination and reads the password file.
     *
     * @return a sentence saying what is wrong, or null when all is well
     */
    @Nullable String problem() {
        if (caFile != null && !address().tls()) {
            return "--ca-file is for TLS: give the broker as ssl://HOST:PORT";
        }
        if (passwordFile != null && username == null) {
            return "--password-file needs --username";
        }
        if (username != null && username.isBlank()) {
            return "--username is empty";
        }
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                if (lines.isEmpty() || lines.get(0).isEmpty()) {
                    return "--password-file " + passwordFile + " is empty; its first line is the password";
                }
                password = lines.get(0);
            } catch (IOException e) {
                return "--password-file " + passwordFile + " cannot be read: " + e.getMessage();
            }
        }
        if (address().tls()) {
            try {
                ssl = TlsSettings.of(caFile == null ? BrokerTls.defaultTrust() : BrokerTls.trusting(caFile));
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    BrokerAddress address() {
        if (broker == null) {
            throw new IllegalStateException("--broker is required");
        }
        return broker;
    }

    /**
     * A builder of an MQTT 5 client of {@code clientId} for the broker, with TLS and credentials as given; call
     * {@link #problem()} first.
     *
     * @param executors the threads it runs on, or null for the client library's shared defaults
     */
    Mqtt5ClientBuilder client(String clientId, @Nullable MqttClientExecutorConfig executors) {
        BrokerAddress address = address();
        Mqtt5ClientBuilder builder = Mqtt5Client.builder().identifier(clientId)
                .serverHost(address.host()).serverPort(address.port());
        if (ssl != null) {
            builder = builder.sslConfig(ssl);
        }
        if (executors != null) {
            builder = builder.executorConfig(executors);
        }
        if (username != null) {
            builder = builder.simpleAuth().username(username.replace("{vin}", clientId))
                    .password(password == null ? new byte[0]
                            : password.replace("{vin}", clientId).getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        return builder;
    }
}
