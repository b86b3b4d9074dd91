package io.pcmsim.vehicle.internal;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3DisconnectException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;

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
            if (t instanceof DisconnectedByBroker disconnect) {
                return "DISCONNECT by the broker: " + disconnect.reason();
            }
            if (t instanceof MqttException paho && paho.getReasonCode() >= 0x80 && paho.getReasonCode() <= 0xFF) {
                // the Paho client raises an MQTT reason code only for a CONNACK that refused the car
                Mqtt5ConnAckReasonCode code = Mqtt5ConnAckReasonCode.fromCode(paho.getReasonCode());
                return "CONNECT refused: " + (code != null ? code.name() : "0x" + Integer.toHexString(paho.getReasonCode()));
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
        if (error instanceof MqttException paho) {
            return paho.getReasonCode() == MqttClientException.REASON_CODE_CONNECTION_LOST
                    ? "connection closed" : "connection failed";
        }
        return error.getClass().getSimpleName();
    }
}
