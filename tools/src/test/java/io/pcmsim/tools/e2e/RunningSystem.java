package io.pcmsim.tools.e2e;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.PublishListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Backend, fleet and an uplink capture running against one broker, started in that order (so the
 * capture sees the logins) and closed in reverse. The backend gets its own client id and shared
 * group, so runs on a shared broker do not split each other's messages.
 */
final class RunningSystem implements AutoCloseable {

    final Backend backend;
    final Fleet fleet;
    final UplinkCapture capture;

    private RunningSystem(Backend backend, Fleet fleet, UplinkCapture capture) {
        this.backend = backend;
        this.fleet = fleet;
        this.capture = capture;
    }

    static RunningSystem start(String host, int port, Path dataDir, SimulatedClock clock,
                               UnaryOperator<FleetConfig.Builder> fleetSettings) throws Exception {
        return start(host, port, dataDir, clock, fleetSettings, message -> { }, false);
    }

    /**
     * Like {@link #start(String, int, Path, SimulatedClock, UnaryOperator)}, with a listener on every
     * uplink from the first login on, and a capture that keeps its session on the broker when
     * {@code persistentCapture} (see {@link UplinkCapture#start(String, int, Set, boolean)}).
     */
    static RunningSystem start(String host, int port, Path dataDir, SimulatedClock clock,
                               UnaryOperator<FleetConfig.Builder> fleetSettings, PublishListener listener,
                               boolean persistentCapture) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Backend backend = Backend.create(BackendConfig.builder()
                .brokerHost(host).brokerPort(port)
                .clientId("it-backend-" + run).sharedGroup("it-" + run)
                .dataDir(dataDir).clock(clock)
                .build());
        Fleet fleet = null;
        UplinkCapture capture = null;
        try {
            backend.start().get(60, TimeUnit.SECONDS);
            fleet = Fleet.create(fleetSettings.apply(FleetConfig.builder()
                    .brokerHost(host).brokerPort(port)
                    .clock(clock).wallClock(Clock.systemUTC())).build());
            fleet.addPublishListener(listener);
            capture = UplinkCapture.start(host, port,
                    Set.copyOf(fleet.vehicles().stream().map(EmulatedVehicle::vin).toList()), persistentCapture);
            fleet.start().get(60, TimeUnit.SECONDS);
            return new RunningSystem(backend, fleet, capture);
        } catch (Exception | Error e) {
            new RunningSystem(backend, fleet, capture).close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (fleet != null) {
            fleet.close();
        }
        if (capture != null) {
            capture.close();
        }
        backend.close();
    }
}
