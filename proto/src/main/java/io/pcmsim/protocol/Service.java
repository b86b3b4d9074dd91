package io.pcmsim.protocol;

import io.pcmsim.proto.v1.UplinkEnvelope.BodyCase;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A connected service as it appears in uplink topics ({@code pcm/v1/vehicles/{vin}/up/{topicName}}),
 * with the service group the driver's toggles act on and the envelope bodies its topic accepts.
 */
public enum Service {
    /** The login ("birth") that starts every session; part of Smart Service in the privacy notice. */
    LOGIN("login", ServiceGroup.WITHOUT_LOCATION, Set.of(BodyCase.LOGIN)),
    SMART_SERVICE("smart-service", ServiceGroup.WITHOUT_LOCATION, Set.of(BodyCase.SMART_SERVICE)),
    BREAKDOWN("breakdown", ServiceGroup.WITH_LOCATION, Set.of(BodyCase.BREAKDOWN, BodyCase.DATA_PULL_RESPONSE)),
    SOFTWARE_UPDATE("software-update", ServiceGroup.WITHOUT_LOCATION,
            Set.of(BodyCase.SOFTWARE_UPDATE_QUERY, BodyCase.SOFTWARE_UPDATE_STATUS)),
    MANUAL("manual", ServiceGroup.WITHOUT_LOCATION, Set.of(BodyCase.MANUAL_EVENT)),
    /** Map version checks; they travel on {@code maps/v1/{anonymous-key}/...}, never on a VIN topic. */
    MAP_UPDATE("map", ServiceGroup.WITHOUT_LOCATION, Set.of());

    private final String topicName;
    private final ServiceGroup group;
    private final Set<BodyCase> bodies;

    Service(String topicName, ServiceGroup group, Set<BodyCase> bodies) {
        this.topicName = topicName;
        this.group = group;
        this.bodies = bodies;
    }

    /** The topic level naming this service, e.g. {@code smart-service}. */
    public String topicName() {
        return topicName;
    }

    public ServiceGroup group() {
        return group;
    }

    /** Whether an envelope with this body may be published on this service's uplink topic. */
    public boolean accepts(BodyCase body) {
        return bodies.contains(body);
    }

    /** The service whose uplink topic level is {@code topicName}, if any. */
    public static Optional<Service> fromTopicName(String topicName) {
        return Arrays.stream(values())
                .filter(s -> s.topicName.equals(topicName) && !s.bodies.isEmpty())
                .findFirst();
    }
}
