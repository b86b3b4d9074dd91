package io.pcmsim.tools.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConsoleTimeTest {

    private static final Instant START = Instant.parse("2027-01-01T08:00:00Z");
    private final AtomicReference<Instant> real = new AtomicReference<>(Instant.parse("2026-11-29T12:00:00Z"));
    private final InstantSource realTime = real::get;

    @Test
    void speedZero_standsStillWithRealTime_andMovesExactlyByAdvance() {
        ConsoleTime time = new ConsoleTime(START, 0, realTime);
        real.set(real.get().plusSeconds(3600));
        assertThat(time.clock().instant()).isEqualTo(START);
        assertThat(time.running()).isFalse();

        time.advance(Duration.ofMinutes(10));
        time.advance(Duration.ofDays(3));

        assertThat(time.clock().instant()).isEqualTo(START.plus(Duration.ofDays(3)).plusSeconds(600));
    }

    @Test
    void speedAboveZero_runsWithRealTime_andAdvanceAddsOnTop() {
        ConsoleTime time = new ConsoleTime(START, 60, realTime);
        real.set(real.get().plusSeconds(10));
        assertThat(time.clock().instant()).isEqualTo(START.plusSeconds(600));

        time.advance(Duration.ofHours(2));

        assertThat(time.clock().instant()).isEqualTo(START.plusSeconds(600).plus(Duration.ofHours(2)));
        assertThat(time.running()).isTrue();
    }

    @Test
    void aNegativeSpeed_isRefused() {
        assertThatThrownBy(() -> new ConsoleTime(START, -1, realTime))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1.0");
    }
}
