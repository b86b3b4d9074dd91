package io.pcmsim.tools.vehicle;

import io.pcmsim.tools.fleet.BrokerAddress;
import io.pcmsim.vehicle.fleet.Fleet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Starts the console's car and tells, in one sentence, why it did not get online in time. */
final class FirstConnect {

    private FirstConnect() {
    }

    /**
     * Starts the fleet and waits at most {@code timeout} for the car's first connection, and then for its
     * first login (and what followed it) to be acknowledged, so the first command sees a car that has
     * logged in.
     *
     * @return null when the car is online; otherwise why not (the broker cannot be reached over TCP, or did
     *     not let the car in)
     */
    static @Nullable String problem(Fleet fleet, BrokerAddress broker, Duration timeout) {
        Optional<String> unreachable = broker.unreachable(timeout);
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        try {
            fleet.start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            fleet.vehicles().get(0).evaluateNow().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            Map<String, Long> errors = fleet.stats().connectionErrors();
            return "the broker at " + broker + " did not let the car in within " + Texts.duration(timeout)
                    + (errors.isEmpty() ? "" : " (" + String.join(", ", errors.keySet()) + ")")
                    + "; check that an MQTT broker listens there (tcp:// for plain MQTT, ssl:// for TLS)";
        } catch (ExecutionException e) {
            return "the car could not connect to " + broker + ": " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while connecting to " + broker;
        }
    }
}
