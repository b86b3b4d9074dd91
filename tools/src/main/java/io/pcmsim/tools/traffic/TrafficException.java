package io.pcmsim.tools.traffic;

/** A traffic command cannot go on: the broker cannot be reached or refused it; the message says which and why. */
final class TrafficException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TrafficException(String message) {
        super(message);
    }

    TrafficException(String message, Throwable cause) {
        super(message, cause);
    }
}
