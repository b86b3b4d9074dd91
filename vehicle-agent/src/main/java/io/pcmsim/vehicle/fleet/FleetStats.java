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
 * @param publishFailures publishes that failed (connection lost before PUBACK, broker refused)
 */
public record FleetStats(int vehicles, int online, Map<Service, Long> published, Map<Service, Long> suppressed,
        long droppedOutboxFull, long discardedOnPrivacy, long publishFailures) {

    public FleetStats {
        published = Map.copyOf(published);
        suppressed = Map.copyOf(suppressed);
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
