package io.pcmsim.backend.internal.ingest;

import io.pcmsim.backend.BackendHealth;
import io.pcmsim.backend.WriterState;
import java.time.Clock;
import java.util.Optional;

/** The writer's state as other threads see it; written by the writer thread only. */
public final class WriterHealth {

    private final Clock clock;
    private volatile BackendHealth current;

    public WriterHealth(Clock clock) {
        this.clock = clock;
        this.current = new BackendHealth(WriterState.STOPPED, clock.instant(), Optional.empty(), Optional.empty());
    }

    public BackendHealth current() {
        return current;
    }

    void enter(WriterState state) {
        BackendHealth now = current;
        if (now.writer() != state) {
            current = new BackendHealth(state, clock.instant(), now.lastError(), now.lastErrorAt());
        }
    }

    void failed(WriterState state, String error) {
        BackendHealth now = current;
        current = new BackendHealth(state, now.writer() == state ? now.since() : clock.instant(),
                Optional.of(error), Optional.of(clock.instant()));
    }
}
