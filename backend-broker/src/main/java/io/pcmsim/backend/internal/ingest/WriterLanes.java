package io.pcmsim.backend.internal.ingest;

import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.BackendHealth;
import io.pcmsim.backend.WriterState;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.protocol.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The backend's writers: {@code n} lanes, each a {@link BatchingWriter} with a queue, a thread and a store (one
 * connection) of its own, so that up to n batches are stored at the same time (on PostgreSQL by n server
 * processes, while the backend prepares the next batches). A vehicle always goes to the same lane, by the VIN in
 * its topic: its messages are stored and acknowledged in the order they arrived, as with one writer, and two lanes
 * never write the rows of one vehicle at the same time (rows that several vehicles share, such as a software
 * campaign's, are locked where they are decided: see the handlers).
 */
public final class WriterLanes implements InboundQueue {

    /** Worst first: what {@link #health()} shows of several lanes. */
    private static final List<WriterState> SEVERITY = List.of(WriterState.FAILED, WriterState.RETRYING,
            WriterState.RUNNING, WriterState.STOPPED);

    private final List<BlockingQueue<InboundMessage>> queues = new ArrayList<>();
    private final List<WriterHealth> health = new ArrayList<>();
    private final List<BatchingWriter> writers = new ArrayList<>();

    /**
     * @param lanes 1 to {@link BackendConfig#MAX_WRITERS}
     * @param capacity room of each lane's queue
     */
    public WriterLanes(int lanes, int capacity, Clock clock) {
        if (lanes < 1 || lanes > BackendConfig.MAX_WRITERS) {
            throw new IllegalArgumentException("writer lanes must be 1 to " + BackendConfig.MAX_WRITERS + ", was "
                    + lanes);
        }
        for (int i = 0; i < lanes; i++) {
            queues.add(new LinkedBlockingQueue<>(capacity));
            health.add(new WriterHealth(clock));
        }
    }

    /** How many lanes. */
    public int lanes() {
        return queues.size();
    }

    /**
     * Starts a writer on each lane.
     *
     * @param stores one per lane, each used by its lane's writer only
     */
    public synchronized void start(List<UplinkStore> stores, UplinkValidator validator, IngestCounters counters,
            int batchSize, Duration maxBatchDelay) {
        if (stores.size() != lanes() || !writers.isEmpty()) {
            throw new IllegalStateException("started already, or " + stores.size() + " stores for " + lanes()
                    + " lanes");
        }
        for (int i = 0; i < lanes(); i++) {
            writers.add(new BatchingWriter(queues.get(i), validator, stores.get(i), counters, health.get(i), batchSize,
                    maxBatchDelay, lanes() == 1 ? "pcmsim-backend-writer" : "pcmsim-backend-writer-" + i));
        }
        writers.forEach(BatchingWriter::start);
    }

    @Override
    public boolean offer(InboundMessage message) {
        return queues.get(lane(message.topic(), lanes())).offer(message);
    }

    @Override
    public int size() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    /**
     * The lane of a topic: by the vehicle's level of an uplink topic (the VIN, whatever the service), by the whole
     * topic otherwise.
     */
    static int lane(String topic, int lanes) {
        if (lanes == 1) {
            return 0;
        }
        String key = topic;
        if (topic.startsWith(Topics.ROOT)) {
            int end = topic.indexOf('/', Topics.ROOT.length());
            key = end < 0 ? topic.substring(Topics.ROOT.length()) : topic.substring(Topics.ROOT.length(), end);
        }
        return Math.floorMod(key.hashCode(), lanes);
    }

    /** The writers' state: of the lane in the worst state (failed, retrying, running, stopped). */
    public BackendHealth health() {
        return health.stream().map(WriterHealth::current)
                .min(Comparator.comparingInt(h -> SEVERITY.indexOf(h.writer()))).orElseThrow();
    }

    /**
     * Asks every writer to store what is queued and end.
     *
     * @return completes when all writer threads ended (at once when none was started)
     */
    public synchronized CompletableFuture<Void> drain() {
        return CompletableFuture.allOf(writers.stream().map(BatchingWriter::drain).toArray(CompletableFuture[]::new));
    }
}
