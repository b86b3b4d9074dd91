package io.pcmsim.vehicle.fleet;

import io.pcmsim.protocol.Service;
import java.util.Map;
import java.util.Objects;

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
 * @param connecting vehicles that want a connection and have none yet (first connect or reconnect)
 * @param sent messages handed to the MQTT client, per service; a message resent after a lost connection
 *     counts again
 * @param refusedByBroker messages the broker refused with an error PUBACK, per service (never resent)
 * @param dropped messages lost in the cars, per service: pushed out of a full outbox, or given up after
 *     going unacknowledged in every attempt
 * @param connections MQTT connections established, first ones and reconnects
 * @param reconnects connections after a car's first one (after a lost connection or a silent spell)
 * @param connectionErrors connections lost and connect attempts failed without the car asking, by
 *     reason (e.g. {@code CONNECT refused: NOT_AUTHORIZED}, {@code connection refused})
 * @param buffered messages waiting in the cars' outboxes for a connection now
 * @param ackLatency publish acknowledgement latency of every acknowledged message since the start
 */
public record FleetStats(int vehicles, int online, Map<Service, Long> published, Map<Service, Long> suppressed,
        long droppedOutboxFull, long discardedOnPrivacy, long publishFailures, Map<String, Long> refused,
        long downlinks, long malformedDownlinks, int connecting, Map<Service, Long> sent,
        Map<Service, Long> refusedByBroker, Map<Service, Long> dropped, long connections, long reconnects,
        Map<String, Long> connectionErrors, long buffered, AckLatency ackLatency) {

    public FleetStats {
        published = Map.copyOf(published);
        suppressed = Map.copyOf(suppressed);
        refused = Map.copyOf(refused);
        sent = Map.copyOf(sent);
        refusedByBroker = Map.copyOf(refusedByBroker);
        dropped = Map.copyOf(dropped);
        connectionErrors = Map.copyOf(connectionErrors);
        Objects.requireNonNull(ackLatency, "ackLatency");
    }

    public long totalSent() {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalConnectionErrors() {
        return connectionErrors.values().stream().mapToLong(Long::longValue).sum();
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
