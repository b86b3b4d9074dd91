package io.pcmsim.backend.internal.service;

/** A stored uplink message's identity in {@code uplink_message}: (VIN, boot id, sequence). */
public record MessageKey(String vin, long bootId, long sequence) {
}
