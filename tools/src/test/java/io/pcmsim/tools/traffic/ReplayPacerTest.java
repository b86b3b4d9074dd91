package io.pcmsim.tools.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay's timing, driven by a test clock: the recorded gaps, scaled by the speed. */
class ReplayPacerTest {

    private static final Instant WALL = Instant.parse("2027-05-01T10:00:00Z");
    private static final long RECORDED = TrafficMessage.micros(Instant.parse("2027-03-01T06:00:00Z"));

    private final TestClock clock = new TestClock(WALL);
    private final List<Instant> waitedFor = new ArrayList<>();

    /** A waiter that lets the test clock jump to the instant, as if time had passed. */
    private final ReplayPacer.Waiter jump = due -> {
        waitedFor.add(due);
        if (clock.instant().isBefore(due)) {
            clock.set(due);
        }
    };

    private List<Instant> pace(double speed, long... offsetsMicros) throws InterruptedException {
        ReplayPacer pacer = new ReplayPacer(clock, speed, jump);
        List<Instant> handedOn = new ArrayList<>();
        for (long offset : offsetsMicros) {
            pacer.awaitTurn(RECORDED + offset);
            handedOn.add(clock.instant());
        }
        return handedOn;
    }

    @Test
    void speedOne_handsEachRecordOnAtItsRecordedOffset() throws Exception {
        assertThat(pace(1, 0, 1_500_000, 1_500_000, 60_000_000)).containsExactly(
                WALL, WALL.plusMillis(1500), WALL.plusMillis(1500), WALL.plusSeconds(60));
    }

    @Test
    void speedTen_dividesTheGapsByTen() throws Exception {
        assertThat(pace(10, 0, 1_000_000, 3_600_000_000L)).containsExactly(
                WALL, WALL.plusMillis(100), WALL.plusSeconds(360));
    }

    @Test
    void speedMax_neverWaits() throws Exception {
        assertThat(pace(Double.POSITIVE_INFINITY, 0, 1_000_000, 3_600_000_000L)).containsOnly(WALL);
        assertThat(waitedFor).isEmpty();
    }

    @Test
    void lateness_isMeasuredAgainstTheSchedule() throws Exception {
        ReplayPacer pacer = new ReplayPacer(clock, 1, due -> clock.set(due.plusMillis(3)));

        pacer.awaitTurn(RECORDED);
        pacer.awaitTurn(RECORDED + 1_000_000);
        long late = pacer.awaitTurn(RECORDED + 2_000_000);

        assertThat(late).isEqualTo(3000);
        assertThat(pacer.maxLateness()).isEqualTo(Duration.ofMillis(3));
        assertThat(pacer.meanLateness()).isEqualTo(Duration.ofMillis(3));
    }

    @Test
    void realTimeWaiter_returnsAtOnceWhenDueOrStopped() throws Exception {
        ReplayPacer.onClock(clock, () -> false).waitUntil(WALL.minusSeconds(1));
        ReplayPacer.onClock(clock, () -> true).waitUntil(WALL.plusSeconds(3600));
        assertThat(clock.instant()).isEqualTo(WALL);
    }
}
