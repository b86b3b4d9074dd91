package io.pcmsim.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private final AtomicReference<Instant> real = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource source = real::get;

    @Test
    void instant_whenRealSecondPasses_advancesBySpeed() {
        Instant start = Instant.parse("2030-06-01T08:00:00Z");
        SimulatedClock clock = SimulatedClock.startingAt(start, 3600, source);
        assertThat(clock.instant()).isEqualTo(start);

        real.set(real.get().plusSeconds(1));
        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void toReal_dividesBySpeed() {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.EPOCH, 3600, source);
        assertThat(clock.toReal(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(clock.toReal(Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(clock.toSimulated(Duration.ofMillis(500))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void startingAt_whenSpeedNotPositive_explainsRule() {
        assertThatThrownBy(() -> SimulatedClock.startingAt(Instant.EPOCH, 0, source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("speed must be a finite number above 0, was 0.0");
    }
}
