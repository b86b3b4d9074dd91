package io.pcmsim.vehicle.fleet;

/**
 * Observes what the vehicles of a fleet publish. Called on the vehicle's lane, in the vehicle's send
 * order, after a message passed the privacy gate and was handed to the MQTT client (not yet proof of
 * delivery). Must return quickly and not block; exceptions are logged and ignored.
 */
@FunctionalInterface
public interface PublishListener {

    void published(PublishedMessage message);
}
