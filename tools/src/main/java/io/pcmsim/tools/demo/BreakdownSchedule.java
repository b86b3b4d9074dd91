package io.pcmsim.tools.demo;

import io.pcmsim.backend.breakdown.BreakdownCalls;
import io.pcmsim.backend.breakdown.Consents;
import io.pcmsim.vehicle.fleet.BreakdownCallResult;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The breakdown calls of a demo: which cars call, when, with which consents, and whether the driver
 * presses the button in the car or the owner places the call in the app. The consents cycle through all
 * four combinations (both, Assistance only, dealer only, none), every third call is placed in the app,
 * and the calls are spread over the run from a tenth to nine tenths of it, so some fall into the privacy
 * window of a car that is private then: that car refuses in-car calls and leaves app calls unanswered.
 * Same seed, same calls.
 */
final class BreakdownSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(BreakdownSchedule.class);
    private static final List<Consents> CONSENTS = List.of(new Consents(true, true), new Consents(true, false),
            new Consents(false, true), Consents.NONE);

    /** One planned call, {@code at} a share of the run's duration. */
    record Call(EmulatedVehicle car, Consents consents, boolean inApp, double at) {
    }

    private final List<Call> calls;
    private final AtomicLong inCar = new AtomicLong();
    private final AtomicLong refusedByCar = new AtomicLong();
    private final AtomicLong inApp = new AtomicLong();

    private BreakdownSchedule(List<Call> calls) {
        this.calls = calls;
    }

    /** {@code count} calls by cars of {@code fleet} picked by {@code seed} (a car calls at most once). */
    static BreakdownSchedule choose(List<EmulatedVehicle> fleet, int count, long seed) {
        List<EmulatedVehicle> shuffled = new ArrayList<>(fleet);
        shuffled.sort(Comparator.comparing(EmulatedVehicle::vin));
        Random random = new Random(seed ^ 0xB4EA_6D0FL);
        Collections.shuffle(shuffled, random);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < Math.min(count, shuffled.size()); i++) {
            double at = 0.1 + 0.8 * (i + random.nextDouble()) / count;
            calls.add(new Call(shuffled.get(i), CONSENTS.get(i % CONSENTS.size()), i % 3 == 2, at));
        }
        return new BreakdownSchedule(List.copyOf(calls));
    }

    List<Call> calls() {
        return calls;
    }

    /** Schedules every call on {@code ticker} over a run of {@code durationMs}. */
    void start(ScheduledExecutorService ticker, long durationMs, BreakdownCalls backend) {
        for (Call call : calls) {
            ticker.schedule(() -> place(call, backend), (long) (durationMs * call.at()), TimeUnit.MILLISECONDS);
        }
    }

    private void place(Call call, BreakdownCalls backend) {
        if (call.inApp()) {
            inApp.incrementAndGet();
            backend.placeAppCall(call.car().vin(), call.consents()).exceptionally(e -> {
                LOG.warn("app breakdown call for {} not placed", call.car().vin(), e);
                return null;
            });
            return;
        }
        inCar.incrementAndGet();
        call.car().callBreakdown(call.consents().assistance(), call.consents().dealer())
                .thenAccept(result -> {
                    if (result.outcome() == BreakdownCallResult.Outcome.REFUSED_BY_SETTINGS) {
                        refusedByCar.incrementAndGet();
                    }
                })
                .exceptionally(e -> {
                    LOG.warn("breakdown call in {} failed", call.car().vin(), e);
                    return null;
                });
    }

    /** Calls started in cars so far. */
    long inCarCalls() {
        return inCar.get();
    }

    /** In-car calls the car refused because its settings forbid the service (nothing was sent). */
    long refusedByCarSettings() {
        return refusedByCar.get();
    }

    /** Calls placed in the app so far. */
    long appCalls() {
        return inApp.get();
    }
}
