/**
 * Prometheus metrics of a {@code pcmsim} run: a Micrometer registry bound to the counters the fleet, the
 * backend and the embedded broker keep anyway (gauges and function counters, no second bookkeeping), and a
 * small HTTP server that serves them at {@code /metrics}. The names are listed in {@code docs/metrics.md}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.tools.metrics;

import org.jspecify.annotations.NullMarked;
