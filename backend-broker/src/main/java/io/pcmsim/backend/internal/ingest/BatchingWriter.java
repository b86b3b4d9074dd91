package io.pcmsim.backend.internal.ingest;

import io.pcmsim.backend.WriterState;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.backend.internal.storage.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of one writer lane ({@link WriterLanes}) that drains its inbound queue: collects a batch (up to
 * {@code batchSize} messages or {@code maxBatchDelay} after the first), validates each message its source did not
 * validate, stores the accepted ones in one transaction, and only after the commit acknowledges every message of
 * the batch in arrival order.
 * Rejected messages are counted and acknowledged too, so a broker never redelivers them.
 *
 * <p>A batch also ends when no message arrived for {@link #QUIET_GAP} (3 ms): some brokers send a
 * shared subscriber its next messages only once it acknowledged all it holds (HiveMQ CE: at most 50
 * per round), and in-process each car's next message arrives only after its previous one was
 * acknowledged, so waiting the whole {@code maxBatchDelay} for more would only add latency. Under steady
 * load the queue never falls silent and batches fill up to {@code batchSize} or {@code maxBatchDelay}.
 *
 * <p>Storage failures are {@link IsolatingWriter}'s: a database that is unavailable is retried (nothing
 * acknowledged meanwhile; after {@link #drain()} the batch is abandoned unacknowledged, so the broker
 * redelivers it to the next session), a message the database refuses is isolated and rejected.
 */
public final class BatchingWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingWriter.class);
    private static final long IDLE_POLL_MS = 100;
    /** Silence after which a batch is written before maxBatchDelay ran out. */
    static final Duration QUIET_GAP = Duration.ofMillis(3);

    private final BlockingQueue<InboundMessage> queue;
    private final UplinkValidator validator;
    private final UplinkStore store;
    private final IngestCounters counters;
    private final int batchSize;
    private final Duration maxBatchDelay;
    private final CountDownLatch drainRequested = new CountDownLatch(1);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final WriterHealth health;
    private final IsolatingWriter isolating;
    private final Thread thread;

    public BatchingWriter(BlockingQueue<InboundMessage> queue, UplinkValidator validator, UplinkStore store,
                          IngestCounters counters, WriterHealth health, int batchSize, Duration maxBatchDelay) {
        this(queue, validator, store, counters, health, batchSize, maxBatchDelay, "pcmsim-backend-writer");
    }

    /** @param threadName name of the writer's thread */
    public BatchingWriter(BlockingQueue<InboundMessage> queue, UplinkValidator validator, UplinkStore store,
                          IngestCounters counters, WriterHealth health, int batchSize, Duration maxBatchDelay,
                          String threadName) {
        this.queue = queue;
        this.health = health;
        this.isolating = new IsolatingWriter(store, counters, health, drainRequested);
        this.validator = validator;
        this.store = store;
        this.counters = counters;
        this.batchSize = batchSize;
        this.maxBatchDelay = maxBatchDelay;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Asks the writer to store what is queued and end.
     *
     * @return completes when the writer thread has ended
     */
    public CompletableFuture<Void> drain() {
        drainRequested.countDown();
        if (thread.getState() == Thread.State.NEW) {
            terminated.complete(null);
        }
        return terminated;
    }

    private boolean draining() {
        return drainRequested.getCount() == 0;
    }

    private void run() {
        health.enter(WriterState.RUNNING);
        try {
            while (true) {
                InboundMessage first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (draining()) {
                        break;
                    }
                    continue;
                }
                handle(collect(first));
            }
            health.enter(WriterState.STOPPED);
            terminated.complete(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health.enter(WriterState.STOPPED);
            terminated.complete(null);
        } catch (RuntimeException | Error e) {
            LOG.error("uplink writer stopped by an unexpected error; unacknowledged messages will be redelivered", e);
            health.failed(WriterState.FAILED, String.valueOf(e));
            terminated.completeExceptionally(e);
        }
    }

    private List<InboundMessage> collect(InboundMessage first) throws InterruptedException {
        List<InboundMessage> batch = new ArrayList<>(Math.min(batchSize, 1024));
        batch.add(first);
        long deadline = System.nanoTime() + maxBatchDelay.toNanos();
        while (batch.size() < batchSize) {
            if (queue.drainTo(batch, batchSize - batch.size()) > 0) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            // a quiet gap ends the batch early: see the class comment
            InboundMessage next = queue.poll(Math.min(left, QUIET_GAP.toNanos()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void handle(List<InboundMessage> batch) throws InterruptedException {
        List<UplinkRecord> accepted = new ArrayList<>(batch.size());
        List<RejectReason> rejected = new ArrayList<>();
        for (InboundMessage m : batch) {
            // validated where it arrived (the sources do), so that it was decoded while the batch before was stored
            Validation v = m.validation() != null ? m.validation() : validator.validate(m);
            if (v instanceof Validation.Accepted a) {
                accepted.add(new UplinkRecord(a.header(), a.service(), a.envelope(), m.payload(), m.receivedAt()));
            } else if (v instanceof Validation.Rejected r) {
                LOG.debug("rejected {} on {}: {}", r.reason().code(), m.topic(), r.detail());
                rejected.add(r.reason());
            }
        }
        List<WriteResult> results = new ArrayList<>();
        if (!accepted.isEmpty() && !isolating.store(accepted, results, rejected)) {
            LOG.warn("abandoned a batch of {} messages unacknowledged while stopping; they are sent again to the"
                    + " next backend", batch.size());
            return;
        }
        for (WriteResult result : results) {
            result.stored().forEach(r -> counters.stored(r.service()));
            counters.duplicates(result.duplicates());
        }
        rejected.forEach(counters::rejected);
        for (InboundMessage m : batch) {
            acknowledge(m);
        }
    }

    private static void acknowledge(InboundMessage m) {
        try {
            m.acknowledge().run();
        } catch (RuntimeException e) {
            // e.g. the connection was lost meanwhile: the broker redelivers, and the store ignores the duplicate
            LOG.debug("could not acknowledge a message on {}: {}", m.topic(), e.getMessage());
        }
    }
}
