package io.pcmsim.vehicle.fleet;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * TLS to the broker. The broker's certificate is checked against the JDK's default trust store, or
 * against the certificates of a CA file (PEM or DER, one or more X.509 certificates) instead; either
 * way its name must match the broker host.
 */
public final class BrokerTls {

    private final @Nullable Path caFile;

    private BrokerTls(@Nullable Path caFile) {
        this.caFile = caFile;
    }

    /** Trusts what the JDK's default trust store trusts. */
    public static BrokerTls defaultTrust() {
        return new BrokerTls(null);
    }

    /** Trusts only the certificates in {@code caFile}. */
    public static BrokerTls trusting(Path caFile) {
        return new BrokerTls(Objects.requireNonNull(caFile, "caFile"));
    }

    /** The CA file whose certificates are trusted; empty for the JDK's default trust store. */
    public Optional<Path> caFile() {
        return Optional.ofNullable(caFile);
    }

    @Override
    public String toString() {
        return caFile == null ? "TLS (default trust store)" : "TLS (trusting " + caFile + ")";
    }
}
