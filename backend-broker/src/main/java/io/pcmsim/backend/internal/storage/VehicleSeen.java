package io.pcmsim.backend.internal.storage;

import java.time.Instant;

/**
 * What the stored messages say about one vehicle.
 *
 * @param firstSeen when its first message was received (kept when retention deletes old messages)
 * @param lastSeen when its newest-received stored message was received
 * @param bootId boot id of its newest stored message by (boot id, sequence)
 * @param sequence sequence of that message
 */
public record VehicleSeen(Instant firstSeen, Instant lastSeen, long bootId, long sequence) {
}
