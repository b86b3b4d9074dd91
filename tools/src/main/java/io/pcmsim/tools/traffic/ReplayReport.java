package io.pcmsim.tools.traffic;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a replay did: messages replayed (acknowledged by the broker) per direction and service, skipped
 * and failed per reason, how far behind its schedule it ran, and how long it took.
 *
 * @param speed the replay speed, {@code Infinity} for as fast as possible
 * @param broken the recording's problem where its readable part ends, or null
 */
record ReplayReport(long records, double spanSeconds, double speed, TrafficCounts replayed, TrafficCounts skipped,
        TrafficCounts failed, int connections, Duration meanLateness, Duration maxLateness, Duration took,
        boolean interrupted, @Nullable String broken) {

    /** Messages read from the recording and handled in any way. */
    long handled() {
        return replayed.total() + skipped.total() + failed.total();
    }

    String table() {
        String speedText = speed == Double.POSITIVE_INFINITY ? "max" : number(speed) + "x";
        return String.format(Locale.ROOT, "pcmsim replay: %d of %d messages replayed in %.1f s (recording span %.1f s,"
                        + " speed %s) over %d connection%s%s%n"
                        + "  replayed  %s%n"
                        + "  skipped   %s%n"
                        + "  failed    %s%n"
                        + "  timing    behind schedule by %.1f ms on average, %.1f ms at most",
                replayed.total(), records, took.toMillis() / 1e3, spanSeconds, speedText, connections,
                connections == 1 ? "" : "s", interrupted ? " (interrupted)" : "",
                replayed.summary(), skipped.summary(), failed.summary(),
                meanLateness.toNanos() / 1e6, maxLateness.toNanos() / 1e6);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
