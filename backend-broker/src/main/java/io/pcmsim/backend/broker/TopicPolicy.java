package io.pcmsim.backend.broker;

import io.pcmsim.protocol.MapIdentities;
import io.pcmsim.protocol.Vin;
import java.util.regex.Pattern;

/**
 * The embedded broker's built-in topic policy, which keeps the map traffic apart from the cars' identities:
 * <ul>
 * <li>the map provider ({@link MapIdentities#isProvider}) may publish and subscribe below {@code maps/} only;
 * <li>a car's map connection ({@link MapIdentities#isCarMapConnection}) may publish only
 * {@code maps/v1/{key}/query} and {@code .../installed} and subscribe only {@code maps/v1/{key}/answer} and
 * {@code .../package}, one key per topic, no wildcards;
 * <li>a car's VIN connection (client identifier = a VIN) may neither publish nor subscribe anything that
 * reaches {@code maps/};
 * <li>every other client (the backend, tools) is not restricted.
 * </ul>
 * docs/api.md gives the equivalent Mosquitto ACL for external brokers. Stateless and thread-safe.
 */
public final class TopicPolicy {

    private static final String KEY = "maps/v1/[0-9a-f]{32}/";
    private static final Pattern CAR_PUBLISH = Pattern.compile(KEY + "(query|installed)");
    private static final Pattern CAR_SUBSCRIBE = Pattern.compile(KEY + "(answer|package)");

    private TopicPolicy() {
    }

    /** Whether {@code clientId} may publish to {@code topic}. */
    public static boolean mayPublish(String clientId, String topic) {
        boolean maps = firstLevel(topic).equals("maps");
        if (MapIdentities.isProvider(clientId)) {
            return maps;
        }
        if (MapIdentities.isCarMapConnection(clientId)) {
            return CAR_PUBLISH.matcher(topic).matches();
        }
        if (Vin.isValid(clientId)) {
            return !maps;
        }
        return true;
    }

    /** Whether {@code clientId} may subscribe to {@code filter} (a shared subscription's filter included). */
    public static boolean maySubscribe(String clientId, String filter) {
        String plain = withoutShare(filter);
        String first = firstLevel(plain);
        if (MapIdentities.isProvider(clientId)) {
            return first.equals("maps");
        }
        if (MapIdentities.isCarMapConnection(clientId)) {
            return CAR_SUBSCRIBE.matcher(plain).matches();
        }
        if (Vin.isValid(clientId)) {
            return !(first.equals("maps") || first.equals("#") || first.equals("+"));
        }
        return true;
    }

    private static String firstLevel(String topic) {
        int slash = topic.indexOf('/');
        return slash < 0 ? topic : topic.substring(0, slash);
    }

    private static String withoutShare(String filter) {
        if (!filter.startsWith("$share/")) {
            return filter;
        }
        int groupEnd = filter.indexOf('/', "$share/".length());
        return groupEnd < 0 ? filter : filter.substring(groupEnd + 1);
    }
}
