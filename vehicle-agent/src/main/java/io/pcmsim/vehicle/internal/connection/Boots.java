package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.proto.v1.Presence;
import io.pcmsim.time.SimulatedClock;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Boot ids and presence payloads. A boot id is chosen before every connect attempt
 * ({@code max(previous + 1, wall-clock ms)}), so it grows across attempts and emulator restarts, and the
 * attempt's Last Will names it. Thread-safe: attempts are prepared on MQTT client threads.
 */
final class Boots {

    private final Clock wallClock;
    private final SimulatedClock vehicleClock;
    private final AtomicLong lastIssued = new AtomicLong();
    private volatile long attempt;

    Boots(Clock wallClock, SimulatedClock vehicleClock) {
        this.wallClock = wallClock;
        this.vehicleClock = vehicleClock;
    }

    /** Chooses the boot id of the next connect attempt and returns that attempt's Last Will payload. */
    byte[] nextAttemptWill() {
        long wall = wallClock.millis();
        long boot = lastIssued.updateAndGet(previous -> Math.max(previous + 1, wall));
        attempt = boot;
        return presence(false, boot);
    }

    /** The boot id of the latest connect attempt. */
    long attempt() {
        return attempt;
    }

    /** A retained presence payload at the current vehicle time. */
    byte[] presence(boolean online, long boot) {
        return Presence.newBuilder().setOnline(online).setBootId(boot)
                .setVehicleTimeMs(vehicleClock.instant().toEpochMilli()).build().toByteArray();
    }
}
