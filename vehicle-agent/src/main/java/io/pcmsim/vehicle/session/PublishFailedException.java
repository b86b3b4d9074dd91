package io.pcmsim.vehicle.session;

/** The broker refused or did not acknowledge a publish. */
public final class PublishFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PublishFailedException(String topic, Throwable cause) {
        super("publish to " + topic + " failed: " + cause.getMessage(), cause);
    }
}
