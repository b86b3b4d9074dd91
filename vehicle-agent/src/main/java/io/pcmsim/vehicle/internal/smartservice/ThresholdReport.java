package io.pcmsim.vehicle.internal.smartservice;

import java.time.Instant;
import java.util.List;

/**
 * A threshold report is due.
 *
 * @param crossedThresholds names of the rules crossed since the last report, e.g. {@code engine-oil-life<15}
 * @param at simulated instant of the evaluation that produced it
 */
public record ThresholdReport(List<String> crossedThresholds, Instant at) {

    public ThresholdReport {
        crossedThresholds = List.copyOf(crossedThresholds);
    }
}
