package io.pcmsim.backend;

/** What the backend's writer (the one thread that stores and acknowledges uplinks) is doing. */
public enum WriterState {
    /** Storing batches as they come. */
    RUNNING,
    /** The database is unavailable (connection lost, cannot reconnect): the writer retries the same batch
     *  with backoff and reconnects; nothing is acknowledged meanwhile, so nothing is lost. */
    RETRYING,
    /** Stopped with the backend, or not started yet. */
    STOPPED,
    /** Ended by an unexpected error: nothing is stored until the backend is restarted. */
    FAILED
}
