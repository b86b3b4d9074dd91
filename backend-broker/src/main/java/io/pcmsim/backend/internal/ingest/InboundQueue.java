package io.pcmsim.backend.internal.ingest;

/** Where the uplink sources put what arrived: the writers' queues. Thread-safe. */
public interface InboundQueue {

    /** Queues {@code message} for its writer; false when that writer's queue is full. Never blocks. */
    boolean offer(InboundMessage message);

    /** Messages queued for all writers. */
    int size();
}
