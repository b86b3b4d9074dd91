package io.pcmsim.backend.internal.storage;

/**
 * The store could not write because of its database, not because of the batch: the connection was
 * lost or cannot be opened, the store is closed, the database rolled back for a transient reason
 * (deadlock, serialization failure), or any other error that is not about the batch's data (a missing
 * table, a full disk). The same batch may succeed when retried.
 */
public final class StoreUnavailableException extends StorageException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
