package io.pcmsim.backend.internal.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the {@code config.xml} of HiveMQ CE for one TCP listener. */
public final class BrokerConfigXml {

    private BrokerConfigXml() {
    }

    /**
     * The configuration text.
     *
     * <ul>
     *   <li>Persistence {@code in-memory}: a simulator's sessions and queued messages need not survive a
     *       broker restart, and the file mode (RocksDB/Xodus) costs start time, disk and native memory.
     *       Backend sessions still survive a <em>backend</em> restart, because the broker keeps running.</li>
     *   <li>Anonymous usage statistics off: this broker runs where there may be no network, and it must
     *       not phone home. CE 2025.5 has no update checker (its config.xsd has no {@code general}
     *       element), so there is nothing to switch off for that.</li>
     *   <li>Generous limits: a simulated fleet of thousands of cars behind a few backend sessions.</li>
     *   <li>A server receive maximum of 20: a client may have at most 20 QoS 1 publishes unacknowledged
     *       at the broker. With the in-process ingest a car's publish is acknowledged only once stored, so
     *       when the store is slow a car's further messages wait in the car (its MQTT client), not by the
     *       thousand per car in the broker's memory. A car sends a handful at a time, 20 is plenty.</li>
     * </ul>
     */
    public static String render(String host, int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>100000</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                        <receive-maximum>
                            <server-receive-maximum>20</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <restrictions>
                        <max-connections>-1</max-connections>
                        <incoming-bandwidth-throttling>0</incoming-bandwidth-throttling>
                    </restrictions>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, host);
    }

    /** Writes {@code config.xml} into {@code configFolder}, creating the folder. */
    public static void write(Path configFolder, String host, int port) {
        try {
            Files.createDirectories(configFolder);
            Files.writeString(configFolder.resolve("config.xml"), render(host, port), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write HiveMQ config.xml into " + configFolder, e);
        }
    }
}
