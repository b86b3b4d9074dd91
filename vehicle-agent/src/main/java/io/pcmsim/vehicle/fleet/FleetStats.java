package io.pcmsim.vehicle.fleet;

import io.pcmsim.protocol.Service;
import java.util.Map;

/**
 * Counters of a fleet since it was created; a consistent-enough snapshot (each counter read once).
 *
 * @param vehicles number of vehicles
 * @param online vehicles connected now
 * @param published messages acknowledged by the broker, per service
 * @param suppressed messages refused by the privacy gate, per service
 * @param droppedOutboxFull messages pushed out of a full outbox while offline
 * @param discardedOnPrivacy buffered, unsent messages discarded when their service was switched off
 * @param publishFailures publish attempts that failed (connection lost before PUBACK, broker refused)
 * @param refused messages given up, by reason: the MQTT 5 PUBACK reason code of a broker refusal (e.g.
 *     {@code NOT_AUTHORIZED}, {@code QUOTA_EXCEEDED}, {@code PAYLOAD_FORMAT_INVALID}), or
 *     {@code UNACKNOWLEDGED_AFTER_3_ATTEMPTS} for a message lost with the connection three times (an MQTT
 *     3.1.1 broker refuses by closing the connection); none of them is sent again
 * @param downlinks downlinks handed to a car's service
 * @param malformedDownlinks downlinks dropped: wrong topic, undecodable payload, body on the wrong level,
 *     another VIN, or content the service could not use
 */
public record FleetStats(int vehicles, int online, Map<Service, Long> published, Map<Service, Long> suppressed,
        long droppedOutboxFull, long discardedOnPrivacy, long publishFailures, Map<String, Long> refused,
        long downlinks, long malformedDownlinks) {

    public FleetStats {
        published = Map.copyOf(published);
        suppressed = Map.copyOf(suppressed);
        refused = Map.copyOf(refused);
    }

    /** Messages given up for {@code reason}; see {@link #refused()}. */
    public long refused(String reason) {
        return refused.getOrDefault(reason, 0L);
    }

    public long totalRefused() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }

    public long published(Service service) {
        return published.getOrDefault(service, 0L);
    }

    public long suppressed(Service service) {
        return suppressed.getOrDefault(service, 0L);
    }

    public long totalPublished() {
        return published.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalSuppressed() {
        return suppressed.values().stream().mapToLong(Long::longValue).sum();
    }
}
