package io.pcmsim.backend.breakdown;

import io.pcmsim.protocol.ReportedState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the car reported in a breakdown call.
 *
 * @param receivedAt backend time the report arrived
 * @param vehicleTime the car's time when it produced the report
 * @param modelCode the car's model code, empty when not sent
 * @param state usage and state; unset readings are unknown
 * @param faultLog the fault memory entries as sent
 * @param location position and movement, when sent
 * @param recentTrack the last positions before the call, oldest first
 * @param liveDiagnosis extended fault information and recommended actions; only for cars whose last
 *     login declared the capability
 */
public record BreakdownData(Instant receivedAt, Instant vehicleTime, String modelCode, ReportedState state,
        List<String> faultLog, Optional<CarLocation> location, List<CarLocation.TrackPoint> recentTrack,
        Optional<Diagnosis> liveDiagnosis) {

    public BreakdownData {
        faultLog = List.copyOf(faultLog);
        recentTrack = List.copyOf(recentTrack);
    }
}
