package io.pcmsim.tools.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Counts by a short key ({@code up/smart-service}, a reason, ...). Thread-safe. */
final class TrafficCounts {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long get(String key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }

    /** The counts sorted by key. */
    Map<String, Long> asMap() {
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum(),
                Long::sum, TreeMap::new));
    }

    /** {@code key count, key count, ...} sorted by key, or {@code none}. */
    String summary() {
        Map<String, Long> map = asMap();
        return map.isEmpty() ? "none" : map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
