package io.pcmsim.tools.scenario;

import io.pcmsim.tools.demo.PrivacySwitch;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.time.Duration;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a scenario's timeline on simulated time: {@link #runDue} (called every few milliseconds by the
 * run's one ticker thread) does every action whose time has come, in time order, file order among equal
 * times. Car events go to each addressed car; their futures are not waited for (a car that has stopped
 * just ignores them). Actions scheduled by an event (a car's return in {@code come-and-go}, the broker's
 * restart) join the queue. Confined to the ticker thread.
 */
final class TimelineDriver {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineDriver.class);

    private record Due(Duration at, long order, String what, Runnable action) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at.equals(b.at)
            ? Long.compare(a.order, b.order) : a.at.compareTo(b.at));
    private final AtomicLong order = new AtomicLong();
    private final FleetGroups cars;
    private final EventActions actions;
    private final ScenarioSystem system;
    private final long seed;
    private long done;

    TimelineDriver(List<TimedEvent> timeline, FleetGroups cars, PrivacySwitch privacy, EventCounter counter,
            ScenarioSystem system, long seed) {
        this.cars = cars;
        this.actions = new EventActions(privacy, counter, system::backend);
        this.system = system;
        this.seed = seed;
        timeline.forEach(e -> schedule(e.at(), e.event().kind() + " to " + e.target().describe(), () -> play(e)));
    }

    private void schedule(Duration at, String what, Runnable action) {
        queue.add(new Due(at, order.getAndIncrement(), what, action));
    }

    /** Does every action due at {@code elapsed} (simulated time since the start). */
    void runDue(Duration elapsed) {
        while (!queue.isEmpty() && queue.peek().at.compareTo(elapsed) <= 0) {
            Due due = queue.poll();
            try {
                due.action.run();
            } catch (RuntimeException e) {
                LOG.warn("timeline action '{}' failed", due.what, e);
            }
            done++;
        }
    }

    /** Actions done so far. */
    long done() {
        return done;
    }

    /** What comes next, e.g. "6h drive to group commuters"; empty when nothing is left. */
    String next() {
        Due next = queue.peek();
        return next == null ? "" : DurationText.of(next.at) + " " + next.what;
    }

    private void play(TimedEvent timed) {
        Event event = timed.event();
        if (event instanceof Event.MapRelease release) {
            actions.publishMap(release);
            return;
        }
        if (event instanceof Event.BrokerRestart restart) {
            system.stopBrokerAsync();
            schedule(timed.at().plus(restart.down()), "broker back", system::restartBrokerAsync);
            return;
        }
        if (event instanceof Event.SoftwareCampaign campaign) {
            io.pcmsim.backend.Backend backend = system.backend();
            if (backend != null) {
                UpdateEvents.start(campaign, backend, cars.all());
            }
            return;
        }
        long eventSeed = seed * 31 + timed.index();
        List<EmulatedVehicle> targets = cars.resolve(timed.target(), eventSeed);
        if (event instanceof Event.ComeAndGo comeAndGo) {
            comeAndGo(timed.at(), comeAndGo, targets, new Random(eventSeed));
            return;
        }
        targets.forEach(car -> ignoreFailure(() -> actions.apply(event, car)));
    }

    private void comeAndGo(Duration at, Event.ComeAndGo event, List<EmulatedVehicle> targets, Random random) {
        long window = event.window().toMillis();
        long maxStay = event.maxAway().toMillis();
        for (EmulatedVehicle car : targets) {
            long stay = Math.max(1, (long) (random.nextDouble() * maxStay));
            long leave = (long) (random.nextDouble() * (window - stay));
            Duration away = at.plusMillis(leave);
            schedule(away, "go-away of " + car.vin(), () -> ignoreFailure(car::goAway));
            schedule(away.plusMillis(stay), "come-back of " + car.vin(), () -> ignoreFailure(car::comeBack));
        }
    }

    private static void ignoreFailure(Supplier<CompletableFuture<Void>> action) {
        action.get().exceptionally(error -> {
            LOG.debug("car action failed: {}", error.toString());
            return null;
        });
    }
}
