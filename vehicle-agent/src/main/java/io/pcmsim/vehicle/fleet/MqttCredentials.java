package io.pcmsim.vehicle.fleet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The MQTT user name and password a car sends in its CONNECT (simple authentication).
 * {@link #toString()} does not show the password.
 */
public final class MqttCredentials {

    private final String username;
    private final byte[] password;

    private MqttCredentials(String username, byte[] password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = password.clone();
    }

    /** A user name and a password (sent as its UTF-8 bytes). */
    public static MqttCredentials of(String username, String password) {
        return new MqttCredentials(username, Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8));
    }

    public String username() {
        return username;
    }

    /** A copy of the password bytes. */
    public byte[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MqttCredentials c && c.username.equals(username) && Arrays.equals(c.password, password);
    }

    @Override
    public int hashCode() {
        return username.hashCode() * 31 + Arrays.hashCode(password);
    }

    @Override
    public String toString() {
        return "MqttCredentials[" + username + ", password hidden]";
    }
}
