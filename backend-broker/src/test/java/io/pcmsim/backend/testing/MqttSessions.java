package io.pcmsim.backend.testing;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

/** Session hygiene for tests on a shared broker. */
public final class MqttSessions {

    private MqttSessions() {
    }

    /**
     * Ends the persistent session of {@code clientId} (connect with clean start and session expiry 0,
     * then disconnect), so a shared broker does not keep queueing messages for a finished test.
     */
    public static void discard(String host, int port, String clientId) {
        Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost(host).serverPort(port)
                .buildBlocking();
        c.connectWith().cleanStart(true).sessionExpiryInterval(0).send();
        c.disconnect();
    }
}
