package io.pcmsim.protocol;

import io.pcmsim.proto.v1.UplinkEnvelope.BodyCase;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a car's message belongs to, as it appears in topics: {@code pcm/v1/vehicles/{vin}/up/{topicName}}
 * and {@code pcm/v1/vehicles/{vin}/down/{downlinkLevel}}, with the service group the driver's toggles act
 * on and the uplink envelope bodies its topic accepts.
 *
 * <p>{@link #LOGIN} is the session, not a service of the privacy notice: it belongs to no service group
 * and may be sent while any service is allowed. The others are the five services of the notice.
 */
public enum Service {
    /** The session login ("birth"); its downlink level {@code session} carries rebirth requests. */
    LOGIN("login", "session", null, Set.of(BodyCase.LOGIN)),
    SMART_SERVICE("smart-service", "smart-service", ServiceGroup.WITHOUT_LOCATION,
            Set.of(BodyCase.SMART_SERVICE, BodyCase.COLLECTION_CONFIG_APPLIED, BodyCase.APPOINTMENT_REQUEST)),
    BREAKDOWN("breakdown", "breakdown", ServiceGroup.WITH_LOCATION, Set.of(BodyCase.BREAKDOWN)),
    SOFTWARE_UPDATE("software-update", "software-update", ServiceGroup.WITHOUT_LOCATION,
            Set.of(BodyCase.SOFTWARE_UPDATE_QUERY, BodyCase.SOFTWARE_UPDATE_STATUS,
                    BodyCase.UPDATE_CHUNK_REQUEST)),
    MANUAL("manual", "manual", ServiceGroup.WITHOUT_LOCATION,
            Set.of(BodyCase.MANUAL_EVENT, BodyCase.MANUAL_PROFILE_REQUEST)),
    /**
     * Online map update. Only the entitlement request travels on the car's VIN topic ({@code up/map});
     * version checks and packages travel on {@code maps/v1/{anonymous-key}/...}, never with a VIN.
     */
    MAP_UPDATE("map", "map", ServiceGroup.WITHOUT_LOCATION, Set.of(BodyCase.MAP_ENTITLEMENT_REQUEST));

    private final String topicName;
    private final String downlinkLevel;
    private final @Nullable ServiceGroup group;
    private final Set<BodyCase> bodies;

    Service(String topicName, String downlinkLevel, @Nullable ServiceGroup group, Set<BodyCase> bodies) {
        this.topicName = topicName;
        this.downlinkLevel = downlinkLevel;
        this.group = group;
        this.bodies = bodies;
    }

    /** The uplink topic level naming this service, e.g. {@code smart-service}. */
    public String topicName() {
        return topicName;
    }

    /** The downlink topic level of this service, e.g. {@code session} for {@link #LOGIN}. */
    public String downlinkLevel() {
        return downlinkLevel;
    }

    /** The service group the driver's toggles act on; empty for the session ({@link #LOGIN}). */
    public Optional<ServiceGroup> group() {
        return Optional.ofNullable(group);
    }

    /** Whether this is the session rather than a service of the privacy notice. */
    public boolean isSession() {
        return group == null;
    }

    /** Whether an envelope with this body may be published on this service's uplink topic. */
    public boolean accepts(BodyCase body) {
        return bodies.contains(body);
    }

    /** The service whose uplink topic level is {@code topicName}, if any. */
    public static Optional<Service> fromTopicName(String topicName) {
        return Arrays.stream(values()).filter(s -> s.topicName.equals(topicName)).findFirst();
    }

    /** The service whose downlink topic level is {@code level}, if any. */
    public static Optional<Service> fromDownlinkLevel(String level) {
        return Arrays.stream(values()).filter(s -> s.downlinkLevel.equals(level)).findFirst();
    }

    /** The service whose uplink topic accepts {@code body}; empty for {@code BODY_NOT_SET}. */
    public static Optional<Service> ofBody(BodyCase body) {
        return Arrays.stream(values()).filter(s -> s.bodies.contains(body)).findFirst();
    }
}
