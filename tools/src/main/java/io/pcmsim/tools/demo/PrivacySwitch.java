package io.pcmsim.tools.demo;

import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Switches privacy mode in the order that makes the broker's count in {@link PrivacyWindows} a proof: a
 * car's window opens only after its gate is shut and everything it sent before is acknowledged, and
 * closes before the car may transmit again. Thread-safe.
 */
public final class PrivacySwitch {

    private final PrivacyWindows windows;
    private final Map<Vin, CompletableFuture<Void>> opened = new ConcurrentHashMap<>();

    public PrivacySwitch(PrivacyWindows windows) {
        this.windows = windows;
    }

    /** Switches privacy mode on; the car's window opens once its switch has completed. */
    public CompletableFuture<Void> on(EmulatedVehicle car) {
        Vin vin = car.vin();
        CompletableFuture<Void> open = car.setPrivacyMode(true).thenRun(() -> windows.open(vin));
        opened.put(vin, open);
        return open;
    }

    /** Closes the car's window (after it was opened, or its switch failed), then lets the car transmit again. */
    public CompletableFuture<Void> off(EmulatedVehicle car) {
        CompletableFuture<Void> open = opened.getOrDefault(car.vin(), CompletableFuture.completedFuture(null));
        return open.handle((ok, error) -> null)
                .thenRun(() -> windows.close(car.vin()))
                .thenCompose(nothing -> car.setPrivacyMode(false));
    }
}
