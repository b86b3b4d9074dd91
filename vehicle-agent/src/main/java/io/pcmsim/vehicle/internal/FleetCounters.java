package io.pcmsim.vehicle.internal;

import io.pcmsim.protocol.Service;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters shared by all vehicles of a fleet. Thread-safe. */
public final class FleetCounters {

    private final Map<Service, LongAdder> published = new EnumMap<>(Service.class);
    private final Map<Service, LongAdder> suppressed = new EnumMap<>(Service.class);
    private final LongAdder droppedOutboxFull = new LongAdder();
    private final LongAdder discardedOnPrivacy = new LongAdder();
    private final LongAdder publishFailures = new LongAdder();
    private final LongAdder downlinks = new LongAdder();
    private final LongAdder malformedDownlinks = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    public FleetCounters() {
        for (Service service : Service.values()) {
            published.put(service, new LongAdder());
            suppressed.put(service, new LongAdder());
        }
    }

    public void countPublished(Service service) {
        published.get(service).increment();
    }

    public void countSuppressed(Service service) {
        suppressed.get(service).increment();
    }

    public void countDroppedOutboxFull() {
        droppedOutboxFull.increment();
    }

    public void countDiscardedOnPrivacy(int count) {
        discardedOnPrivacy.add(count);
    }

    public void countPublishFailure() {
        publishFailures.increment();
    }

    public void countDownlink() {
        downlinks.increment();
    }

    public void countMalformedDownlink() {
        malformedDownlinks.increment();
    }

    public long downlinks() {
        return downlinks.sum();
    }

    public long malformedDownlinks() {
        return malformedDownlinks.sum();
    }

    /** A message given up for {@code reason} (a PUBACK reason code, or too many unacknowledged attempts). */
    public void countRefused(String reason) {
        refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public Map<String, Long> refused() {
        Map<String, Long> result = new TreeMap<>();
        refused.forEach((reason, adder) -> result.put(reason, adder.sum()));
        return result;
    }

    public Map<Service, Long> published() {
        return sums(published);
    }

    public Map<Service, Long> suppressed() {
        return sums(suppressed);
    }

    public long droppedOutboxFull() {
        return droppedOutboxFull.sum();
    }

    public long discardedOnPrivacy() {
        return discardedOnPrivacy.sum();
    }

    public long publishFailures() {
        return publishFailures.sum();
    }

    private static Map<Service, Long> sums(Map<Service, LongAdder> adders) {
        Map<Service, Long> result = new EnumMap<>(Service.class);
        adders.forEach((service, adder) -> result.put(service, adder.sum()));
        return result;
    }
}
