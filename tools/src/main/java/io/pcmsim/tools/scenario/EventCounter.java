package io.pcmsim.tools.scenario;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what the timeline's faults and breakdown calls did; thread-safe (cars answer on their lanes). */
final class EventCounter {

    final AtomicLong faultsInjected = new AtomicLong();
    final AtomicLong faultsSkipped = new AtomicLong();
    final AtomicLong callsInCars = new AtomicLong();
    final AtomicLong callsRefusedByCars = new AtomicLong();
    final AtomicLong callsInApp = new AtomicLong();
    final AtomicLong appCallsNotPlaced = new AtomicLong();

    EventCounts snapshot() {
        return new EventCounts(faultsInjected.get(), faultsSkipped.get(), callsInCars.get(), callsRefusedByCars.get(),
                callsInApp.get(), appCallsNotPlaced.get());
    }
}
