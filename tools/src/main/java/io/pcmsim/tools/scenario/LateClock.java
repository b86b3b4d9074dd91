package io.pcmsim.tools.scenario;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands at a fixed instant until it is {@link #follow told} to follow another one: the
 * backend starts before the fleet, and simulated time begins when the fleet is created. Thread-safe.
 */
final class LateClock extends Clock {

    private final Instant before;
    private final AtomicReference<Clock> followed = new AtomicReference<>();

    LateClock(Instant before) {
        this.before = before;
    }

    void follow(Clock clock) {
        followed.set(clock);
    }

    @Override
    public Instant instant() {
        Clock clock = followed.get();
        return clock == null ? before : clock.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a scenario's clock is in UTC");
    }
}
