package io.pcmsim.tools.bench;

import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.fleet.FleetStats;
import java.util.concurrent.CompletableFuture;

/** The fleet side of {@code pcmsim bench fleet}: a {@link Fleet} of emulated cars. */
final class FleetLoad implements BenchLoad {

    private final Fleet fleet;

    FleetLoad(FleetConfig config) {
        this.fleet = Fleet.create(config);
    }

    @Override
    public CompletableFuture<Void> start() {
        return fleet.start().handle((ok, error) -> null);
    }

    @Override
    public int connected() {
        return fleet.stats().online();
    }

    @Override
    public long acknowledged() {
        return fleet.stats().totalPublished();
    }

    @Override
    public long errors() {
        FleetStats stats = fleet.stats();
        return stats.totalConnectionErrors() + stats.publishFailures() + stats.totalRefused()
                + stats.droppedOutboxFull();
    }

    @Override
    public CompletableFuture<Void> stop() {
        return fleet.stop();
    }
}
