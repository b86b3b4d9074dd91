/**
 * {@code pcmsim run FILE}: scenario files (YAML, documented in {@code docs/scenarios.md}) read with their
 * line numbers ({@link io.pcmsim.tools.scenario.ScenarioParser}), run against an embedded or external
 * broker ({@link io.pcmsim.tools.scenario.ScenarioRun}) and checked against their expectations at the end.
 * Entry point: {@link io.pcmsim.tools.scenario.RunCommand}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.tools.scenario;

import org.jspecify.annotations.NullMarked;
