package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.protocol.Service;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Bounded FIFO of uplinks that passed the gate and wait for the broker: while the car is offline, or
 * while its in-flight window is full; a breakdown call's report goes first. When full, the oldest entry
 * makes room. Confined to the vehicle's lane, except {@link #size()}, which any thread may read.
 */
final class Outbox {

    private final int capacity;
    private final ArrayDeque<Uplink> queue = new ArrayDeque<>();
    /** The queue's size as the lane last wrote it (one writer), for readers on other threads. */
    private volatile int size;

    Outbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("outbox capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Appends {@code uplink}, or puts it first when it is a breakdown call's report: a driver waiting for help
     * does not wait behind the car's routine reports. Returns the oldest entry it pushed out when the outbox
     * was full.
     */
    Optional<Uplink> offer(Uplink uplink) {
        Uplink dropped = queue.size() >= capacity ? queue.pollFirst() : null;
        if (uplink.service() == Service.BREAKDOWN) {
            queue.addFirst(uplink);
        } else {
            queue.addLast(uplink);
        }
        size = queue.size();
        return Optional.ofNullable(dropped);
    }

    /**
     * Puts back a message whose publish was lost with the connection, before every entry produced
     * later. When the outbox is full the oldest entry makes room, which may be {@code uplink} itself.
     *
     * @return the entry that made room, if any
     */
    Optional<Uplink> requeue(Uplink uplink) {
        int index = 0;
        for (Uplink queued : queue) {
            if (queued.producedAt().isAfter(uplink.producedAt())) {
                break;
            }
            index++;
        }
        if (queue.size() >= capacity && index == 0) {
            return Optional.of(uplink);
        }
        List<Uplink> all = new ArrayList<>(queue);
        all.add(index, uplink);
        Uplink dropped = all.size() > capacity ? all.remove(0) : null;
        queue.clear();
        queue.addAll(all);
        size = queue.size();
        return Optional.ofNullable(dropped);
    }

    /** Removes every entry matching {@code filter}; returns how many. */
    int discardIf(Predicate<Uplink> filter) {
        int count = 0;
        for (Iterator<Uplink> it = queue.iterator(); it.hasNext();) {
            if (filter.test(it.next())) {
                it.remove();
                count++;
            }
        }
        size = queue.size();
        return count;
    }

    /** Removes and returns the oldest entry, or null when empty. */
    @Nullable Uplink poll() {
        Uplink first = queue.pollFirst();
        size = queue.size();
        return first;
    }

    /** Entries now; any thread. */
    int size() {
        return size;
    }

    /** Entries per service (only services with entries); on the lane. */
    Map<Service, Integer> byService() {
        Map<Service, Integer> counts = new EnumMap<>(Service.class);
        queue.forEach(uplink -> counts.merge(uplink.service(), 1, Integer::sum));
        return counts;
    }

    int capacity() {
        return capacity;
    }
}
