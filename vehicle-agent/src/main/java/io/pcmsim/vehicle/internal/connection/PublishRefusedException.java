package io.pcmsim.vehicle.internal.connection;

/**
 * The broker refused a publish: an MQTT 5 PUBACK with an error reason code. Never sent again: the
 * broker would refuse it again.
 */
final class PublishRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason the PUBACK reason code, e.g. {@code NOT_AUTHORIZED}
     */
    PublishRefusedException(String topic, String reason, Throwable cause) {
        super("broker refused the publish to " + topic + ": " + reason, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
