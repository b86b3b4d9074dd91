package io.pcmsim.vehicle.internal.connection;

import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The {@link ServiceChannel} of one service: its own topic, through the connection's gate. */
final class GatedServiceChannel implements ServiceChannel {

    private final Service service;
    private final VehicleConnection connection;

    GatedServiceChannel(Service service, VehicleConnection connection) {
        this.service = Objects.requireNonNull(service, "service");
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public Service service() {
        return service;
    }

    @Override
    public CompletableFuture<Void> send(UplinkEnvelope body, Instant producedAt) {
        return connection.submit(service, body, producedAt);
    }

    @Override
    public boolean allowed() {
        return connection.allows(service);
    }

    @Override
    public boolean online() {
        return connection.online();
    }

    @Override
    public DriverSettings settings() {
        return connection.settings();
    }
}
