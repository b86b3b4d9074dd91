package io.pcmsim.vehicle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pcmsim.vehicle.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connect rate limit on a clock the test moves: permits depend on the clock alone, not on real time. */
@Timeout(30)
class ConnectThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Integer> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private void submit(ConnectThrottle throttle, int tasks) {
        IntStream.range(0, tasks).forEach(i -> throttle.submit(() -> ran.add(i)));
    }

    @Test
    void submit_withRate_runsABurstAtOnceThenRateTimesElapsedClockTimeInOrder() {
        ConnectThrottle throttle = new ConnectThrottle(100, clock, scheduler); // burst: a tenth of a second = 10

        submit(throttle, 250);

        assertThat(ran).as("the full bucket, at once on the submitting thread").hasSize(10);
        assertThat(throttle.waiting()).isEqualTo(240);

        clock.advance(Duration.ofMillis(50));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 15);
        clock.advance(Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 25);
        assertThat(throttle.granted()).as("no permit without clock time").isEqualTo(25);

        for (int second = 0; second < 3; second++) {
            // the bucket holds 10: the clock moves in steps it can absorb, as a real one does
            for (int step = 0; step < 10; step++) {
                clock.advance(Duration.ofMillis(100));
                int expected = Math.min(250, 25 + (second * 10 + step + 1) * 10);
                await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == expected);
            }
        }
        assertThat(ran).as("in submission order").containsExactlyElementsOf(IntStream.range(0, 250).boxed().toList());
        assertThat(throttle.waiting()).isZero();
    }

    @Test
    void submit_afterALongPause_grantsNoMoreThanTheBurst() {
        ConnectThrottle throttle = new ConnectThrottle(20, clock, scheduler); // burst 2
        submit(throttle, 2);
        assertThat(ran).hasSize(2);

        clock.advance(Duration.ofHours(1));
        submit(throttle, 10);

        assertThat(ran).as("an hour idle fills the bucket, not more").hasSize(4);
        assertThat(throttle.granted()).isEqualTo(4);
        clock.advance(Duration.ofMillis(50)); // one more token
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 5);
        assertThat(throttle.granted()).isEqualTo(5);
    }

    @Test
    void submit_withoutLimit_runsEverythingAtOnce() {
        ConnectThrottle throttle = new ConnectThrottle(0, clock, scheduler);

        submit(throttle, 1000);

        assertThat(throttle.unlimited()).isTrue();
        assertThat(ran).hasSize(1000);
        assertThat(throttle.granted()).isEqualTo(1000);
    }

    @Test
    void submit_whenTheSchedulerHasStopped_runsWaitingTasksAtOnce() {
        ConnectThrottle throttle = new ConnectThrottle(1, clock, scheduler); // burst 1
        scheduler.shutdown();

        submit(throttle, 3);

        assertThat(ran).as("a stopping fleet: the tasks decide themselves").hasSize(3);
    }

    @Test
    void create_withNegativeOrEndlessRate_isRefused() {
        assertThatThrownBy(() -> new ConnectThrottle(-1, clock, scheduler))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was -1");
        assertThatThrownBy(() -> new ConnectThrottle(Double.POSITIVE_INFINITY, clock, scheduler))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectThrottle(Double.NaN, clock, scheduler))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
