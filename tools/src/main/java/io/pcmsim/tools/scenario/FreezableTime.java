package io.pcmsim.tools.scenario;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Real time until {@link #freeze()}, then the instant it was frozen at. A simulated clock that follows it
 * stops with it, so at the end of a run the cars produce nothing more while what they sent settles, and the
 * backend's count is final before the fleet closes. Thread-safe.
 */
final class FreezableTime implements InstantSource {

    private final InstantSource real;
    private volatile @Nullable Instant frozen;

    FreezableTime(InstantSource real) {
        this.real = Objects.requireNonNull(real, "real");
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : real.instant();
    }

    /** Stops time now; later calls change nothing. */
    synchronized void freeze() {
        if (frozen == null) {
            frozen = real.instant();
        }
    }
}
