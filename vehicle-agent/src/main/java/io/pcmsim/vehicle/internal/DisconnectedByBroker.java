package io.pcmsim.vehicle.internal;

/**
 * The broker ended a car's connection with a DISCONNECT packet (MQTT 5), as the Paho client reports it:
 * it hands over the packet's reason code, not an exception.
 */
public final class DisconnectedByBroker extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason the DISCONNECT reason code, e.g. {@code ADMINISTRATIVE_ACTION}
     */
    public DisconnectedByBroker(String reason) {
        super("DISCONNECT by the broker: " + reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
