package io.pcmsim.vehicle.junit;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Where the cars connect: host, port and whether over TLS. */
record BrokerUrl(String host, int port, boolean tls) {

    BrokerUrl {
        if (host.isBlank()) {
            throw new IllegalArgumentException("the broker host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the broker port must be 1 to 65535, was " + port);
        }
    }

    /** Parses {@code tcp://HOST[:PORT]}, {@code ssl://HOST[:PORT]} or {@code HOST:PORT}. */
    static BrokerUrl parse(String url) {
        String text = url.strip();
        String withScheme = text.contains("://") ? text : "tcp://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw invalid(url, e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            throw invalid(url, "the scheme must be tcp or ssl, was " + uri.getScheme());
        }
        if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw invalid(url, "expected tcp://HOST:PORT or ssl://HOST:PORT");
        }
        boolean tls = scheme.equals("ssl");
        int port = uri.getPort() == -1 ? (tls ? 8883 : 1883) : uri.getPort();
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new BrokerUrl(host, port, tls);
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException("broker URL [" + url + "] is not usable: " + why);
    }

    @Override
    public String toString() {
        return (tls ? "ssl://" : "tcp://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
