package io.pcmsim.backend;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the backend is storing what it receives.
 *
 * @param writer state of the writer
 * @param since backend clock when the writer entered this state
 * @param lastError text of the last storage failure (database unavailable, unexpected error), if any;
 *        kept after the writer recovered
 * @param lastErrorAt backend clock of {@code lastError}, if any
 */
public record BackendHealth(WriterState writer, Instant since, Optional<String> lastError,
                            Optional<Instant> lastErrorAt) {

    public BackendHealth {
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastErrorAt, "lastErrorAt");
    }

    /** True while the writer runs normally. */
    public boolean storing() {
        return writer == WriterState.RUNNING;
    }
}
