package io.pcmsim.backend.broker;

/** The embedded broker did not start; the cause says why (port in use, bad folder, ...). */
public final class BrokerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
