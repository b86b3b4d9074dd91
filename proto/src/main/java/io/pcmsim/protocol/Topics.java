package io.pcmsim.protocol;

import java.util.Optional;

/**
 * Topic names of protocol v1. Uplink: {@code pcm/v1/vehicles/{vin}/up/{service}}; downlink:
 * {@code pcm/v1/vehicles/{vin}/down/{service}}; presence: {@code pcm/v1/vehicles/{vin}/status}.
 */
public final class Topics {

    public static final String ROOT = "pcm/v1/vehicles/";
    /** Every uplink message of every vehicle. */
    public static final String UPLINK_FILTER = ROOT + "+/up/+";
    /** Every presence message of every vehicle. */
    public static final String STATUS_FILTER = ROOT + "+/status";

    private Topics() {
    }

    public static String uplink(Vin vin, Service service) {
        return ROOT + vin.value() + "/up/" + service.topicName();
    }

    /** {@code pcm/v1/vehicles/{vin}/down/{level}} with the service's downlink level. */
    public static String downlink(Vin vin, Service service) {
        return ROOT + vin.value() + "/down/" + service.downlinkLevel();
    }

    /** Filter for everything the backend sends to one vehicle. */
    public static String downlinkFilter(Vin vin) {
        return ROOT + vin.value() + "/down/#";
    }

    public static String status(Vin vin) {
        return ROOT + vin.value() + "/status";
    }

    /** The uplink filter as an MQTT 5 shared subscription of {@code group}. */
    public static String sharedUplinkFilter(String group) {
        return "$share/" + group + "/" + UPLINK_FILTER;
    }

    /**
     * Splits an uplink topic into its VIN text (not yet validated) and service level.
     * Empty when the topic does not have the uplink shape.
     */
    public static Optional<UplinkTopic> parseUplink(String topic) {
        if (!topic.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = topic.substring(ROOT.length());
        String[] levels = rest.split("/", -1);
        if (levels.length != 3 || !"up".equals(levels[1]) || levels[0].isEmpty() || levels[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UplinkTopic(levels[0], levels[2]));
    }

    /**
     * Splits a downlink topic {@code pcm/v1/vehicles/{vin}/down/{level}} into its VIN text (not yet
     * validated) and level. Empty when the topic does not have the downlink shape.
     */
    public static Optional<DownlinkTopic> parseDownlink(String topic) {
        if (!topic.startsWith(ROOT)) {
            return Optional.empty();
        }
        String[] levels = topic.substring(ROOT.length()).split("/", -1);
        if (levels.length != 3 || !"down".equals(levels[1]) || levels[0].isEmpty() || levels[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DownlinkTopic(levels[0], levels[2]));
    }

    /** Root of the map provider's topics: {@code maps/v1/{anonymous-key}/{kind}}. */
    public static final String MAPS_ROOT = "maps/v1/";

    /** {@code maps/v1/{key}/{kind}}, kind one of {@code query}, {@code answer}, {@code package}, {@code installed}. */
    public static String map(AnonymousMapKey key, String kind) {
        return MAPS_ROOT + key.value() + "/" + kind;
    }

    /** VIN text and level of a downlink topic, as they stand in the topic. */
    public record DownlinkTopic(String vinText, String level) {
    }

    /** VIN text and service level of an uplink topic, as they stand in the topic. */
    public record UplinkTopic(String vinText, String serviceLevel) {
    }
}
