package io.pcmsim.vehicle.internal;

import io.pcmsim.protocol.Service;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters shared by all vehicles of a fleet. Thread-safe. */
public final class FleetCounters {

    /** Distinct connection error reasons told apart. */
    public static final int MAX_REASONS = 20;
    /** The reason counted once {@link #MAX_REASONS} reasons are known. */
    public static final String OTHER_REASON = "other";

    private final Map<Service, LongAdder> published = new EnumMap<>(Service.class);
    private final Map<Service, LongAdder> suppressed = new EnumMap<>(Service.class);
    private final Map<Service, LongAdder> sent = new EnumMap<>(Service.class);
    private final Map<Service, LongAdder> refusedByBroker = new EnumMap<>(Service.class);
    private final Map<Service, LongAdder> dropped = new EnumMap<>(Service.class);
    private final LongAdder connections = new LongAdder();
    private final LongAdder firstConnections = new LongAdder();
    private final Map<String, LongAdder> connectionErrors = new ConcurrentHashMap<>();
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
            sent.put(service, new LongAdder());
            refusedByBroker.put(service, new LongAdder());
            dropped.put(service, new LongAdder());
        }
    }

    public void countPublished(Service service) {
        published.get(service).increment();
    }

    public void countSuppressed(Service service) {
        suppressed.get(service).increment();
    }

    /** A message of {@code service} pushed out of a full outbox. */
    public void countDroppedOutboxFull(Service service) {
        droppedOutboxFull.increment();
        dropped.get(service).increment();
    }

    /** A message of {@code service} handed to the MQTT client (every attempt counts). */
    public void countSent(Service service) {
        sent.get(service).increment();
    }

    /** A connection came up; {@code first}: the car's first. */
    public void countConnection(boolean first) {
        connections.increment();
        if (first) {
            firstConnections.increment();
        }
    }

    /**
     * A connection went down or an attempt failed, for {@code reason}. At most {@link #MAX_REASONS} reasons
     * are told apart; further ones count as {@link #OTHER_REASON}.
     */
    public void countConnectionError(String reason) {
        LongAdder adder = connectionErrors.get(reason);
        if (adder == null) {
            String key = connectionErrors.size() < MAX_REASONS ? reason : OTHER_REASON;
            adder = connectionErrors.computeIfAbsent(key, r -> new LongAdder());
        }
        adder.increment();
    }

    public Map<Service, Long> sent() {
        return sums(sent);
    }

    public Map<Service, Long> refusedByBroker() {
        return sums(refusedByBroker);
    }

    public Map<Service, Long> dropped() {
        return sums(dropped);
    }

    public long connections() {
        return connections.sum();
    }

    /** Connections after a car's first: after a lost connection or a silent spell. */
    public long reconnects() {
        return connections.sum() - firstConnections.sum();
    }

    public Map<String, Long> connectionErrors() {
        Map<String, Long> result = new TreeMap<>();
        connectionErrors.forEach((reason, adder) -> result.put(reason, adder.sum()));
        return result;
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

    /**
     * A message of {@code service} given up for {@code reason}: a PUBACK reason code (refused by the
     * broker), or {@code unacknowledged} when it went unacknowledged in every attempt (dropped).
     */
    public void countRefused(Service service, String reason, boolean unacknowledged) {
        refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
        (unacknowledged ? dropped : refusedByBroker).get(service).increment();
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
