package io.pcmsim.tools.vehicle;

import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetStats;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The one car of the console with its fleet and simulated time, and what the commands share: waiting for
 * the car with a time limit, the planned end of the current trip, and the powertrain and driving profile it
 * has. Used from the console's thread only.
 */
final class ConsoleCar implements AutoCloseable {

    /** How long a command waits for the car to settle what it did (acknowledgements, logins). */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final Fleet fleet;
    private final EmulatedVehicle vehicle;
    private final ConsoleTime time;
    private final Duration sampleInterval;
    private @Nullable Instant tripEnd;

    /**
     * @param sampleInterval the simulated time between two evaluations of the car; {@code wait} moves the
     *     clock in steps of it
     */
    ConsoleCar(Fleet fleet, ConsoleTime time, Duration sampleInterval) {
        this.fleet = fleet;
        this.vehicle = fleet.vehicles().get(0);
        this.time = time;
        this.sampleInterval = sampleInterval;
    }

    EmulatedVehicle vehicle() {
        return vehicle;
    }

    ConsoleTime time() {
        return time;
    }

    Instant now() {
        return time.clock().instant();
    }

    Duration sampleInterval() {
        return sampleInterval;
    }

    /** The car's powertrain and driving profile, e.g. {@code battery-electric/commuter}. */
    String profile() {
        return vehicle.profile().powertrain().label() + "/" + vehicle.profile().drivingProfile().label();
    }

    FleetStats stats() {
        return fleet.stats();
    }

    /** The planned end of the trip the console started last; null before the first. */
    @Nullable Instant tripEnd() {
        return tripEnd;
    }

    void tripEnds(@Nullable Instant end) {
        this.tripEnd = end;
    }

    /**
     * Waits for the car's future at most {@link #ANSWER_TIMEOUT}; returns its value.
     *
     * @param what what the car was doing, for the error, e.g. {@code "logging in after privacy mode"}
     * @throws CommandException when it did not settle in time or failed (the car goes on trying)
     */
    <T> T await(CompletableFuture<T> future, String what) throws CommandException {
        try {
            return future.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CommandException(what + ": the car did not settle within " + ANSWER_TIMEOUT.toSeconds()
                    + " s (is the broker reachable?); the change is in force and the car keeps trying");
        } catch (ExecutionException e) {
            throw new CommandException(what + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(what + ": interrupted");
        }
    }

    /** Stops the car: offline presence, clean disconnect, every thread of its fleet ended. Idempotent. */
    @Override
    public void close() {
        fleet.close();
    }
}
