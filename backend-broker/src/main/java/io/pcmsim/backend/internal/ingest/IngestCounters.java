package io.pcmsim.backend.internal.ingest;

import io.pcmsim.protocol.Service;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters of the ingestion path; cheap enough for the MQTT callback thread. */
public final class IngestCounters {

    private final LongAdder received = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder storeRetries = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> storedByService = new ConcurrentHashMap<>();

    public void received() {
        received.increment();
    }

    public void stored(Service service) {
        stored.increment();
        storedByService.computeIfAbsent(service.topicName(), k -> new LongAdder()).increment();
    }

    public void duplicates(int count) {
        duplicates.add(count);
    }

    public void rejected(RejectReason reason) {
        rejected.computeIfAbsent(reason.code(), k -> new LongAdder()).increment();
    }

    /** A write failed because the database was unavailable and will be retried. */
    public void storeRetry() {
        storeRetries.increment();
    }

    public long storeRetryCount() {
        return storeRetries.sum();
    }

    public long receivedCount() {
        return received.sum();
    }

    public long storedCount() {
        return stored.sum();
    }

    public long duplicateCount() {
        return duplicates.sum();
    }

    /** Rejections by {@link RejectReason#code()}, sorted by code. */
    public Map<String, Long> rejectedByReason() {
        return snapshot(rejected);
    }

    /** Stored messages by service topic name, sorted by name. */
    public Map<String, Long> storedByService() {
        return snapshot(storedByService);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
