package io.pcmsim.vehicle.junit;

import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.BrokerTls;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.FleetStats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts the fleet of {@link EmulatedCars}, or says in one sentence why it could not. */
final class FleetStarter {

    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(5);

    private FleetStarter() {
    }

    /**
     * @throws IllegalStateException when the broker cannot be reached or not every car connected in time
     */
    static Fleet start(CarsSettings settings) {
        BrokerUrl broker = settings.broker();
        checkReachable(broker);
        Clock wall = Clock.systemUTC();
        FleetConfig.Builder config = FleetConfig.builder()
                .brokerHost(broker.host()).brokerPort(broker.port())
                .tls(broker.tls() ? BrokerTls.defaultTrust() : null)
                .vehicles(settings.vehicles()).seed(settings.seed())
                .clock(SimulatedClock.startingAt(wall.instant(), settings.speed(), wall)).wallClock(wall)
                .history(settings.history());
        settings.more().accept(config);
        Fleet fleet = Fleet.create(config.build());
        try {
            fleet.start().get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return fleet;
        } catch (TimeoutException e) {
            FleetStats stats = fleet.stats();
            fleet.close();
            throw new IllegalStateException(stats.online() + " of " + stats.vehicles() + " emulated cars connected to "
                    + broker + " within " + settings.connectTimeout().toSeconds() + " s"
                    + (stats.connectionErrors().isEmpty() ? "" : "; connection errors: " + stats.connectionErrors()),
                    e);
        } catch (ExecutionException e) {
            fleet.close();
            throw new IllegalStateException("the emulated cars did not start against " + broker + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fleet.close();
            throw new IllegalStateException("interrupted while the emulated cars connected to " + broker, e);
        }
    }

    private static void checkReachable(BrokerUrl broker) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(broker.host(), broker.port()), (int) REACH_TIMEOUT.toMillis());
        } catch (IOException e) {
            String reason = e instanceof UnknownHostException ? "unknown host" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().toLowerCase(Locale.ROOT);
            throw new IllegalStateException("the emulated cars cannot reach the MQTT broker at " + broker + " ("
                    + reason + "); start it before the tests, or point EmulatedCars.against(...) at the right address",
                    e);
        }
    }
}
