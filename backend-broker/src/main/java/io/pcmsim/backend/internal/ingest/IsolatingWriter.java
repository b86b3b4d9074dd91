package io.pcmsim.backend.internal.ingest;

import io.pcmsim.backend.WriterState;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.backend.internal.storage.StoreUnavailableException;
import io.pcmsim.backend.internal.storage.UplinkStore;
import io.pcmsim.backend.internal.storage.WriteResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores validated records so that no message is retried forever. Two kinds of failure, told apart by
 * {@link UplinkStore#write}:
 * <ul>
 * <li>The database is unavailable ({@link StoreUnavailableException}: connection lost, transient
 * rollback, store closed): the same records are retried, backing off up to 5 s, while the store
 * reconnects; {@link WriterHealth} says {@code RETRYING} meanwhile. Once draining, the records are given up.
 * <li>The database refuses the records (any other {@link StorageException}): they are split in halves,
 * recursively, each half in its own transaction, until the refused messages stand alone; each of them
 * is rejected as {@link RejectReason#STORE_REFUSED}, the rest is stored. One bad message in a batch of
 * n costs about 2 log2(n) extra transactions.
 * </ul>
 * For the writer thread only.
 */
final class IsolatingWriter {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatingWriter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final UplinkStore store;
    private final IngestCounters counters;
    private final WriterHealth health;
    private final CountDownLatch drainRequested;

    IsolatingWriter(UplinkStore store, IngestCounters counters, WriterHealth health, CountDownLatch drainRequested) {
        this.store = store;
        this.counters = counters;
        this.health = health;
        this.drainRequested = drainRequested;
    }

    /**
     * Stores {@code records}, isolating the ones the database refuses (added to {@code rejected}).
     *
     * @return false when stopping while the database is unavailable (the batch is abandoned)
     */
    boolean store(List<UplinkRecord> records, List<WriteResult> results, List<RejectReason> rejected)
            throws InterruptedException {
        Deque<List<UplinkRecord>> pending = new ArrayDeque<>();
        pending.push(records);
        while (!pending.isEmpty()) {
            List<UplinkRecord> part = pending.pop();
            try {
                WriteResult result = writeWhileUnavailable(part);
                if (result == null) {
                    return false;
                }
                results.add(result);
            } catch (StorageException refused) {
                if (part.size() == 1) {
                    UplinkRecord r = part.get(0);
                    LOG.warn("store refused the message {}/{}/{} on {}; rejected as {}: {}", r.header().vin(),
                            r.header().bootId(), r.header().sequence(), r.service().topicName(),
                            RejectReason.STORE_REFUSED.code(), refused.getMessage());
                    rejected.add(RejectReason.STORE_REFUSED);
                } else {
                    int half = part.size() / 2;
                    LOG.debug("store refused a batch of {}; splitting it: {}", part.size(), refused.getMessage());
                    pending.push(part.subList(half, part.size()));
                    pending.push(part.subList(0, half));
                }
            }
        }
        return true;
    }

    /**
     * Writes, retrying while the database is unavailable.
     *
     * @return the result, or null when stopping while the database is unavailable
     * @throws StorageException when the database refuses the records
     */
    private @Nullable WriteResult writeWhileUnavailable(List<UplinkRecord> records) throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                WriteResult result = store.write(records);
                health.enter(WriterState.RUNNING);
                return result;
            } catch (StoreUnavailableException e) {
                health.failed(WriterState.RETRYING, e.getMessage());
                counters.storeRetry();
                if (drainRequested.getCount() == 0) {
                    LOG.error("storing a batch failed while stopping: {}", e.getMessage(), e);
                    return null;
                }
                LOG.error("database unavailable, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
                if (drainRequested.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    continue; // one last attempt while stopping
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

}
