package io.pcmsim.vehicle.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ManualUseTest {

    @Test
    void opensAndKeeps_decidedByTheEventId_aboutTheirShares() {
        ManualUse use = ManualUse.defaults();
        long opened = IntStream.range(0, 10_000).filter(i -> use.opens("event-" + i)).count();
        long kept = IntStream.range(0, 10_000).filter(i -> use.keeps("event-" + i)).count();
        assertThat(opened).isBetween(4_700L, 5_300L);
        assertThat(kept).isBetween(1_800L, 2_200L);
        assertThat(IntStream.range(0, 100).allMatch(i -> use.opens("event-" + i) == use.opens("event-" + i))).isTrue();
    }

    @Test
    void noneAndAll_areNeverAndAlways() {
        assertThat(IntStream.range(0, 1_000).noneMatch(i -> ManualUse.none().opens("e" + i))).isTrue();
        ManualUse all = new ManualUse(1, 1);
        assertThat(IntStream.range(0, 1_000).allMatch(i -> all.opens("e" + i) && all.keeps("e" + i))).isTrue();
    }

    @Test
    void aShareOutsideZeroToOne_isRefusedNamingIt() {
        assertThatThrownBy(() -> new ManualUse(1.5, 0)).hasMessage("openShare must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> new ManualUse(0, Double.NaN)).hasMessageContaining("favouriteShare");
    }
}
