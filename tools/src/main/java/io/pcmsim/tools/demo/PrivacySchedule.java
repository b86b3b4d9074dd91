package io.pcmsim.tools.demo;

import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Which cars the demo puts into privacy mode, and the order of switching and window keeping that
 * makes the broker's count a proof: a window opens only after the car's gate is shut and everything
 * it sent before is acknowledged, and closes before the car may transmit again.
 */
final class PrivacySchedule {

    private final List<EmulatedVehicle> cars;
    private final PrivacySwitch privacy;

    private PrivacySchedule(List<EmulatedVehicle> cars, PrivacyWindows windows) {
        this.cars = cars;
        this.privacy = new PrivacySwitch(windows);
    }

    /** {@code count} cars of {@code fleet}, picked by {@code seed} (the same cars for the same seed). */
    static PrivacySchedule choose(List<EmulatedVehicle> fleet, int count, long seed, PrivacyWindows windows) {
        List<EmulatedVehicle> shuffled = new ArrayList<>(fleet);
        shuffled.sort(Comparator.comparing(EmulatedVehicle::vin));
        Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
        return new PrivacySchedule(List.copyOf(shuffled.subList(0, count)), windows);
    }

    boolean isEmpty() {
        return cars.isEmpty();
    }

    /** Switches privacy mode on; each car's window opens once its switch has completed. */
    void on() {
        cars.forEach(privacy::on);
    }

    /** Closes each car's window (after it was opened, or its switch failed), then lets the car transmit again. */
    void off() {
        cars.forEach(privacy::off);
    }
}
