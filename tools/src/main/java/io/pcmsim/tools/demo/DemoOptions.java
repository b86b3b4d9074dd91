package io.pcmsim.tools.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a demo run does.
 *
 * @param vehicles number of emulated cars, at least 1
 * @param duration real (wall-clock) time the fleet runs
 * @param speed simulated seconds per real second
 * @param seed seed of the fleet: same seed, same cars, same wear
 * @param privacyFraction share of cars the harness puts into privacy mode for the middle half of the run
 * @param port broker port; 0 picks a free one
 * @param mqttVersion MQTT version of the cars: 3 (3.1.1) or 5
 * @param reportInterval simulated time between periodic Smart Service reports
 * @param dataDir where broker and backend keep their data; empty for a temporary folder removed afterwards
 * @param breakdownFraction share of cars that make a breakdown call during the run, 0..1
 * @param installFailureFraction share of the software update campaign's installs that fail, 0..1
 */
public record DemoOptions(
        int vehicles,
        Duration duration,
        double speed,
        long seed,
        double privacyFraction,
        int port,
        int mqttVersion,
        Duration reportInterval,
        Optional<Path> dataDir,
        double breakdownFraction,
        double installFailureFraction) {

    public DemoOptions {
        if (vehicles < 1) {
            throw new IllegalArgumentException("--vehicles must be at least 1, was " + vehicles);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive, was " + duration);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--speed must be a number above 0, was " + speed);
        }
        if (!(privacyFraction >= 0 && privacyFraction <= 1)) {
            throw new IllegalArgumentException("--privacy-fraction must be between 0 and 1, was " + privacyFraction);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0 (any free port) or 1..65535, was " + port);
        }
        if (mqttVersion != 3 && mqttVersion != 5) {
            throw new IllegalArgumentException("--mqtt-version must be 3 or 5, was " + mqttVersion);
        }
        if (reportInterval.isNegative() || reportInterval.isZero()) {
            throw new IllegalArgumentException("--report-interval must be positive, was " + reportInterval);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        if (!(breakdownFraction >= 0 && breakdownFraction <= 1)) {
            throw new IllegalArgumentException("--breakdown-fraction must be between 0 and 1, was " + breakdownFraction);
        }
        if (!(installFailureFraction >= 0 && installFailureFraction <= 1)) {
            throw new IllegalArgumentException("--install-failure-fraction must be between 0 and 1, was "
                    + installFailureFraction);
        }
    }

    /** Options without breakdown calls. */
    public DemoOptions(int vehicles, Duration duration, double speed, long seed, double privacyFraction, int port,
            int mqttVersion, Duration reportInterval, Optional<Path> dataDir) {
        this(vehicles, duration, speed, seed, privacyFraction, port, mqttVersion, reportInterval, dataDir, 0, 0);
    }

    /** Cars that make a breakdown call: the fraction of the fleet, rounded. */
    public int breakdownCalls() {
        return (int) Math.round(vehicles * breakdownFraction);
    }

    /** Cars the harness puts into privacy mode: the fraction of the fleet, rounded. */
    public int privacyVehicles() {
        return (int) Math.round(vehicles * privacyFraction);
    }
}
