package io.pcmsim.backend;

import io.pcmsim.protocol.Vin;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the backend knows of one vehicle: when it was seen, its settings and newest state as last
 * reported, and its open maintenance needs.
 *
 * @param firstSeen when its first message was received
 * @param lastSeen when its newest-received stored message was received
 * @param storedMessages messages stored for it
 * @param settings its newest stored login's settings and capabilities, if one is stored
 * @param smartService its newest Smart Service state, if one is stored
 * @param needs its open maintenance needs
 */
public record VehicleStatus(Vin vin, Instant firstSeen, Instant lastSeen, long storedMessages,
        Optional<ReportedSettings> settings, Optional<SmartServiceState> smartService, List<MaintenanceNeed> needs) {

    public VehicleStatus {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(smartService, "smartService");
        needs = List.copyOf(needs);
    }
}
