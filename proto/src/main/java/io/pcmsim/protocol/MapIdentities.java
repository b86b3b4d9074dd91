package io.pcmsim.protocol;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The MQTT client identifiers of the map traffic ({@code maps/v1/...}), which a broker's topic policy tells
 * apart: a car's own map connection ({@code pcm-map-} and 32 random hex digits, new for every connection, so
 * it names neither the VIN nor the anonymous key), and the map provider ({@code pcmsim-map-provider} or that
 * with a suffix). A car's VIN connection uses the VIN as its identifier. Stateless and thread-safe.
 */
public final class MapIdentities {

    /** Prefix of a car's map connection's client identifier. */
    public static final String CAR_MAP_PREFIX = "pcm-map-";
    /** Client identifier (or prefix of it) of the map provider. */
    public static final String PROVIDER = "pcmsim-map-provider";

    private static final Pattern CAR_MAP = Pattern.compile(Pattern.quote(CAR_MAP_PREFIX) + "[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MapIdentities() {
    }

    /** A fresh client identifier for one map connection of a car: random, linked to nothing. */
    public static String newCarMapClientId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return CAR_MAP_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** Whether {@code clientId} is a car's map connection. */
    public static boolean isCarMapConnection(String clientId) {
        return CAR_MAP.matcher(clientId).matches();
    }

    /** Whether {@code clientId} is the map provider's. */
    public static boolean isProvider(String clientId) {
        return clientId.equals(PROVIDER) || clientId.startsWith(PROVIDER + "-");
    }
}
