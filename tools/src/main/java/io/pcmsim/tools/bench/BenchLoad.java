package io.pcmsim.tools.bench;

import java.util.concurrent.CompletableFuture;

/** One side of {@code pcmsim bench fleet}: MQTT clients that connect and publish, counted. Thread-safe. */
interface BenchLoad {

    /** Starts connecting (and publishing once connected); completes when every client connected or gave up. */
    CompletableFuture<Void> start();

    /** Clients connected now. */
    int connected();

    /** QoS 1 publishes acknowledged since the start. */
    long acknowledged();

    /** Failed connects and publishes, and reports dropped or skipped for want of room, since the start. */
    long errors();

    /** Disconnects every client and ends every thread of the load; completes when done. */
    CompletableFuture<Void> stop();
}
