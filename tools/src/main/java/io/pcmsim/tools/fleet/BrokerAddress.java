package io.pcmsim.tools.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Where the cars connect: {@code tcp://HOST[:PORT]} (plain MQTT, port 1883 unless given) or
 * {@code ssl://HOST[:PORT]} (MQTT over TLS, port 8883 unless given). IPv6 addresses go in brackets.
 *
 * @param tls whether the cars speak TLS to the broker
 */
public record BrokerAddress(boolean tls, String host, int port) {

    public BrokerAddress {
        if (host.isBlank()) {
            throw new IllegalArgumentException("the broker host is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the broker port must be 1 to 65535, was " + port);
        }
    }

    /**
     * Reads {@code tcp://HOST[:PORT]} or {@code ssl://HOST[:PORT]}.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong and what is expected
     */
    public static BrokerAddress parse(String text) {
        String hint = "; use tcp://HOST:PORT, or ssl://HOST:PORT for TLS";
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a broker address" + hint);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            throw new IllegalArgumentException("'" + text + "' has " + (scheme.isEmpty() ? "no scheme"
                    : "the scheme " + scheme + "://, which pcmsim does not speak") + hint);
        }
        if (uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + text + "' is not a broker address" + hint
                    + " (no path, no user; credentials go in --username and --password-file)");
        }
        boolean tls = scheme.equals("ssl");
        int port = uri.getPort() == -1 ? (tls ? 8883 : 1883) : uri.getPort();
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new BrokerAddress(tls, host, port);
    }

    /**
     * Says why a TCP connection to the broker cannot be opened within {@code timeout} (no TLS, no MQTT yet), or
     * empty when it can.
     */
    public Optional<String> unreachable(Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("the broker host " + host + " is unknown");
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().toLowerCase(Locale.ROOT);
            return Optional.of("cannot reach the MQTT broker at " + this + " (" + reason
                    + "); is it running, and are host and port right?");
        }
    }

    @Override
    public String toString() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "ssl://" : "tcp://") + shown + ":" + port;
    }

    /** picocli converter: a wrong address becomes a usage error with the sentence of {@link #parse}. */
    public static final class Converter implements ITypeConverter<BrokerAddress> {
        @Override
        public BrokerAddress convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
