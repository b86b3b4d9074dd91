package io.pcmsim.tools.traffic;

import io.pcmsim.protocol.Topics;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a topic of the protocol is: its direction, the VIN (or the anonymous map key) it names, and its
 * service level.
 *
 * @param direction which way the message travels
 * @param vin the VIN text as it stands in the topic (not validated), null for map and unknown topics
 * @param mapKey the anonymous map key of a {@code maps/v1/...} topic, null otherwise
 * @param level the service level ({@code smart-service}, {@code login}, ...), {@code status} for presence,
 *     the kind for map topics ({@code query}, {@code answer}, ...), empty for unknown topics
 */
public record TopicKind(Direction direction, @Nullable String vin, @Nullable String mapKey, String level) {

    /** Which way a message travels. */
    public enum Direction {
        /** Car to backend, {@code pcm/v1/vehicles/{vin}/up/{service}}. */
        UP("up"),
        /** Backend to car, {@code pcm/v1/vehicles/{vin}/down/{level}}. */
        DOWN("down"),
        /** The car's retained presence (or its Last Will), {@code pcm/v1/vehicles/{vin}/status}. */
        STATUS("status"),
        /** Car to map provider, {@code maps/v1/{key}/query} and {@code .../installed}. */
        MAP_UP("map-up"),
        /** Map provider to car, {@code maps/v1/{key}/answer} and {@code .../package}. */
        MAP_DOWN("map-down"),
        /** Not a topic of the protocol. */
        OTHER("other");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        /** The short name used in output and reports. */
        public String label() {
            return label;
        }
    }

    /** Classifies {@code topic}; never fails (an unknown topic is {@link Direction#OTHER}). */
    public static TopicKind of(String topic) {
        Optional<Topics.UplinkTopic> up = Topics.parseUplink(topic);
        if (up.isPresent()) {
            return new TopicKind(Direction.UP, up.get().vinText(), null, up.get().serviceLevel());
        }
        Optional<Topics.DownlinkTopic> down = Topics.parseDownlink(topic);
        if (down.isPresent()) {
            return new TopicKind(Direction.DOWN, down.get().vinText(), null, down.get().level());
        }
        if (topic.startsWith(Topics.ROOT) && topic.endsWith("/status")) {
            String vin = topic.substring(Topics.ROOT.length(), topic.length() - "/status".length());
            if (!vin.isEmpty() && !vin.contains("/")) {
                return new TopicKind(Direction.STATUS, vin, null, "status");
            }
        }
        if (topic.startsWith(Topics.MAPS_ROOT)) {
            String[] levels = topic.substring(Topics.MAPS_ROOT.length()).split("/", -1);
            if (levels.length == 2 && !levels[0].isEmpty()) {
                Direction direction = switch (levels[1]) {
                    case "query", "installed" -> Direction.MAP_UP;
                    case "answer", "package" -> Direction.MAP_DOWN;
                    default -> Direction.OTHER;
                };
                if (direction != Direction.OTHER) {
                    return new TopicKind(direction, null, levels[0], levels[1]);
                }
            }
        }
        return new TopicKind(Direction.OTHER, null, null, "");
    }

    /** {@code up/smart-service}, {@code status}, {@code map-up/query}, {@code other}: the key of report counts. */
    public String label() {
        return switch (direction) {
            case STATUS, OTHER -> direction.label();
            default -> direction.label() + "/" + level;
        };
    }
}
