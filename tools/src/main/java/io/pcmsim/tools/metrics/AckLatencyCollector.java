package io.pcmsim.tools.metrics;

import io.pcmsim.vehicle.fleet.AckLatency;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The fleet's publish acknowledgement latency as a Prometheus summary, {@code pcmsim_fleet_publish_ack_seconds}:
 * quantiles, count and sum straight from the fleet's own HdrHistogram (Micrometer's summaries keep a histogram
 * of their own, which would count every acknowledgement twice). The quantiles cover every message acknowledged
 * since the fleet started; {@code rate(_sum) / rate(_count)} gives the mean of a recent window.
 */
final class AckLatencyCollector implements Collector {

    static final String NAME = "pcmsim_fleet_publish_ack_seconds";
    static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};
    private static final double MICROS_PER_SECOND = 1e6;

    private final Supplier<AckLatency> latency;

    AckLatencyCollector(Supplier<AckLatency> latency) {
        this.latency = latency;
    }

    @Override
    public MetricSnapshot collect() {
        AckLatency now = latency.get();
        List<Quantile> quantiles = new ArrayList<>(QUANTILES.length);
        for (double q : QUANTILES) {
            quantiles.add(new Quantile(q, now.percentileMicros(q * 100) / MICROS_PER_SECOND));
        }
        return SummarySnapshot.builder()
                .name(NAME)
                .help("Time from handing an uplink to the MQTT client to the broker's PUBACK, since the fleet started")
                .dataPoint(SummaryDataPointSnapshot.builder()
                        .count(now.count())
                        .sum(now.meanMicros() * now.count() / MICROS_PER_SECOND)
                        .quantiles(Quantiles.of(quantiles))
                        .build())
                .build();
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }
}
