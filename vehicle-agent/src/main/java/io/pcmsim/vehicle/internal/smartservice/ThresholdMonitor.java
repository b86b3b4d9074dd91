package io.pcmsim.vehicle.internal.smartservice;

import io.pcmsim.protocol.VehicleSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.pcmsim.vehicle.smartservice.Thresholds;
import org.jspecify.annotations.Nullable;

/**
 * Decides when a Smart Service threshold report is due.
 *
 * <ul>
 *   <li>Rising edge only: a rule fires once when its signal crosses the limit, and re-arms only after the
 *       signal came back past limit ± hysteresis. A value hovering at the limit fires at most once.</li>
 *   <li>Minimum interval: the first crossing is reported at once; crossings within {@code minInterval}
 *       after the last report are coalesced into one report at the first evaluation at or after the
 *       interval's end, naming only the rules whose signal is still beyond the limit then.</li>
 * </ul>
 *
 * <p>Not thread-safe: a vehicle evaluates on its own lane. Every rule starts armed, so a car that starts
 * beyond a limit reports it at its first evaluation.
 */
public final class ThresholdMonitor {

    private final List<ThresholdRule> rules;
    private final Duration minInterval;
    private final BitSet fired = new BitSet();
    private final BitSet pending = new BitSet();
    private @Nullable Instant lastReport;

    public ThresholdMonitor(Thresholds thresholds) {
        this(ThresholdRules.of(thresholds), thresholds.minInterval());
    }

    public ThresholdMonitor(List<ThresholdRule> rules, Duration minInterval) {
        this.rules = List.copyOf(rules);
        this.minInterval = Objects.requireNonNull(minInterval, "minInterval");
    }

    /**
     * Evaluates {@code snapshot} taken at simulated instant {@code now}; returns the report that is due now,
     * if any. A returned report counts as sent for the minimum interval.
     */
    public Optional<ThresholdReport> evaluate(VehicleSnapshot snapshot, Instant now) {
        double[] values = new double[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            ThresholdRule rule = rules.get(i);
            double value = rule.reading().applyAsDouble(snapshot);
            values[i] = value;
            if (!fired.get(i) && rule.isBeyond(value)) {
                fired.set(i);
                pending.set(i);
            } else if (fired.get(i) && rule.isRearmedBy(value)) {
                fired.clear(i);
            }
        }
        if (pending.isEmpty() || (lastReport != null && now.isBefore(lastReport.plus(minInterval)))) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (int i = pending.nextSetBit(0); i >= 0; i = pending.nextSetBit(i + 1)) {
            if (rules.get(i).isBeyond(values[i])) {
                names.add(rules.get(i).name());
            }
        }
        pending.clear();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        lastReport = now;
        return Optional.of(new ThresholdReport(names, now));
    }

    /**
     * Forgets crossings waiting for the end of the minimum interval (used while Smart Service may not
     * transmit: such crossings are discarded, not kept). Returns how many were discarded.
     */
    public int discardPending() {
        int count = pending.cardinality();
        pending.clear();
        return count;
    }

    /** Whether crossings wait for the end of the minimum interval. */
    public boolean hasPending() {
        return !pending.isEmpty();
    }
}
