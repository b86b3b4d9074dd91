/**
 * {@code pcmsim demo}: embedded broker, backend and fleet in one process, the privacy check on the
 * receiving side, the pre-run checks and the summary and JSON report. Entry point: {@link
 * io.pcmsim.tools.demo.DemoCommand}.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless marked {@code @Nullable}.
 */
@NullMarked
package io.pcmsim.tools.demo;

import org.jspecify.annotations.NullMarked;
