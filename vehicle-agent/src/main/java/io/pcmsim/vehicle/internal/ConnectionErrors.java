package io.pcmsim.vehicle.internal;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Short, stable reasons for lost connections and failed connect attempts, to count them by: few distinct
 * values (no host names, ports or client ids), so a map of counts stays small.
 */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    public static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Mqtt5ConnAckException refusal) {
                return "CONNECT refused: " + refusal.getMqttMessage().getReasonCode();
            }
            if (t instanceof Mqtt3ConnAckException refusal) {
                return "CONNECT refused: " + refusal.getMqttMessage().getReturnCode();
            }
            if (t instanceof Mqtt5DisconnectException disconnect) {
                return "DISCONNECT by the broker: " + disconnect.getMqttMessage().getReasonCode();
            }
            if (t instanceof Mqtt3DisconnectException) {
                return "DISCONNECT by the broker";
            }
            if (t instanceof SSLException) {
                return "TLS handshake failed";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        if (error instanceof ConnectionClosedException) {
            return "connection closed";
        }
        if (error instanceof ConnectionFailedException) {
            return "connection failed";
        }
        return error.getClass().getSimpleName();
    }
}
