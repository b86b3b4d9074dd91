package io.pcmsim.tools.demo;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The file descriptors a demo needs against what the process may open: each car holds two (its
 * client's connection and the broker's end of it, both in this process), and the broker, backend,
 * database and JVM need about {@link #MARGIN} more.
 *
 * @param limit file descriptors the process may open ({@code ulimit -n})
 * @param open file descriptors open now
 */
record DescriptorBudget(long limit, long open) {

    static final int PER_CAR = 2;
    static final int MARGIN = 100;

    DescriptorBudget {
        if (limit < 0 || open < 0) {
            throw new IllegalArgumentException("limit and open must not be negative, were " + limit + " and " + open);
        }
    }

    /** The budget of this process, or empty where the JVM cannot tell (not a Unix-like system). */
    static Optional<DescriptorBudget> ofThisProcess() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            long open = unix.getOpenFileDescriptorCount();
            if (limit > 0 && open >= 0) {
                return Optional.of(new DescriptorBudget(limit, open));
            }
        }
        return Optional.empty();
    }

    /** Descriptors a demo with {@code vehicles} cars needs in all, those open now included. */
    long needed(int vehicles) {
        return open + (long) PER_CAR * vehicles + MARGIN;
    }

    /** The most cars that fit; 0 when not even one does. */
    long maxVehicles() {
        return Math.max(0, (limit - open - MARGIN) / PER_CAR);
    }

    /** Why {@code vehicles} cars do not fit, naming the limit and the number needed; empty when they fit. */
    Optional<String> refusal(int vehicles) {
        long needed = needed(vehicles);
        if (needed <= limit) {
            return Optional.empty();
        }
        return Optional.of(String.format("%d cars need about %d file descriptors (%d per car, %d for broker, backend,"
                        + " database and JVM, %d open now), but this process may open only %d (ulimit -n); use at most"
                        + " --vehicles %d or raise the limit", vehicles, needed, PER_CAR, MARGIN, open, limit,
                maxVehicles()));
    }
}
