package io.pcmsim.backend.internal.storage;

/** A database operation failed; the message names the operation, the cause is the driver's exception. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
