package io.pcmsim.backend.mapprovider;

import io.pcmsim.protocol.MapIdentities;
import java.time.Clock;
import java.util.Objects;

/**
 * How the map provider runs.
 *
 * @param brokerHost broker host name or address
 * @param brokerPort broker TCP port, 1 to 65535
 * @param clientId its MQTT client identifier: {@link MapIdentities#PROVIDER} or that with a {@code -suffix}, the
 *     identity a broker's topic policy restricts to {@code maps/#}
 * @param chunkBytes size of a package chunk, 256 bytes to 256 KiB
 * @param acceptAnyKey whether a query with an unregistered (but well-formed) key is answered: for a provider
 *     run on its own, without a backend registering keys
 */
public record MapProviderConfig(String brokerHost, int brokerPort, String clientId, int chunkBytes,
        boolean acceptAnyKey, Clock clock) {

    /** Default chunk size. */
    public static final int DEFAULT_CHUNK_BYTES = 16 * 1024;

    public MapProviderConfig {
        Objects.requireNonNull(brokerHost, "brokerHost");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clock, "clock");
        if (brokerPort < 1 || brokerPort > 65_535) {
            throw new IllegalArgumentException("brokerPort must be 1 to 65535, was " + brokerPort);
        }
        if (!MapIdentities.isProvider(clientId)) {
            throw new IllegalArgumentException("the map provider's client id must be " + MapIdentities.PROVIDER
                    + " or start with " + MapIdentities.PROVIDER + "-, was " + clientId);
        }
        if (chunkBytes < 256 || chunkBytes > 256 * 1024) {
            throw new IllegalArgumentException("chunkBytes must be 256 to 262144, was " + chunkBytes);
        }
    }

    /**
     * This config with the client id {@link MapIdentities#PROVIDER}{@code -suffix}, the suffix reduced to
     * letters, digits and dashes: one provider per backend instance.
     */
    public MapProviderConfig withClientIdSuffix(String suffix) {
        String clean = suffix.replaceAll("[^A-Za-z0-9-]", "-");
        return new MapProviderConfig(brokerHost, brokerPort, MapIdentities.PROVIDER + "-" + clean, chunkBytes,
                acceptAnyKey, clock);
    }

    /** The provider on {@code host}:{@code port} with the defaults: registered keys only, 16 KiB chunks. */
    public static MapProviderConfig of(String host, int port, Clock clock) {
        return new MapProviderConfig(host, port, MapIdentities.PROVIDER, DEFAULT_CHUNK_BYTES, false, clock);
    }
}
