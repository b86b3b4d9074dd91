package io.pcmsim.tools.bench;

/**
 * What one side (bare clients or fleet) of one mode of {@code pcmsim bench fleet} measured.
 *
 * @param side {@code bare} or {@code fleet}
 * @param vehicles clients started
 * @param connected clients connected when the connect phase ended
 * @param connectSeconds from the first CONNECT handed over to the last client connected (or to the
 *     connect timeout when not every client got there)
 * @param connectsPerSecond first connects per second: {@code connected / connectSeconds}
 * @param heapBeforeBytes heap used after a full GC before the clients were created
 * @param heapAfterBytes heap used after a full GC at the end of the measuring window (still publishing)
 * @param heapPerCarBytes {@code (heapAfter - heapBefore) / connected}
 * @param acknowledged QoS 1 publishes acknowledged within the measuring window
 * @param windowSeconds length of the measuring window
 * @param acknowledgedPerSecond {@code acknowledged / windowSeconds}
 * @param errors failed connects and publishes, and reports dropped (fleet: a full outbox) or skipped (bare: a
 *     full in-flight window), over the whole phase
 * @param threads live threads of the JVM at the end of the window
 * @param loadAverage the machine's one-minute load average at the end of the window
 * @param openFilesAfterStop file descriptors this JVM held once the side was stopped
 */
record SideFigures(String side, int vehicles, int connected, double connectSeconds, double connectsPerSecond,
        long heapBeforeBytes, long heapAfterBytes, double heapPerCarBytes, long acknowledged, double windowSeconds,
        double acknowledgedPerSecond, long errors, int threads, double loadAverage, long openFilesAfterStop) {
}
