package io.pcmsim.backend.mapprovider;

import io.pcmsim.backend.internal.mapprovider.Catalogue;
import io.pcmsim.backend.internal.mapprovider.KeyTable;
import io.pcmsim.backend.internal.mapprovider.ProviderClient;
import io.pcmsim.backend.internal.mapprovider.TransferLog;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The map provider: its catalogue ({@link Catalogue#sample} by default), the keys registered with it, and one
 * MQTT connection of its own ({@link MapProviderConfig#clientId()}) on which it subscribes to
 * {@code maps/v1/+/query} and {@code maps/v1/+/installed} and publishes answers and package chunks. It
 * records the transfers by key ({@link #transfers()}) and reports its events to the given
 * {@link MapProviderEvents}.
 *
 * <p>One thread of its own handles the messages in arrival order. {@link #start()} and {@link #stop()} are
 * idempotent; a stopped provider cannot be started again.
 */
public final class MapProvider implements AutoCloseable {

    private final MapProviderConfig config;
    private final Catalogue catalogue;
    private final KeyTable keys;
    private final TransferLog transfers;
    private final ProviderClient client;

    private MapProvider(MapProviderConfig config, Catalogue catalogue, MapProviderEvents events) {
        this.config = config;
        this.catalogue = catalogue;
        this.keys = new KeyTable(config.acceptAnyKey());
        this.transfers = new TransferLog();
        this.client = new ProviderClient(config, catalogue, keys, transfers, events);
    }

    /** A provider with the sample catalogue, reporting to {@code events}. */
    public static MapProvider create(MapProviderConfig config, MapProviderEvents events) {
        Objects.requireNonNull(config, "config");
        return new MapProvider(config, Catalogue.sample(config.clock()), Objects.requireNonNull(events, "events"));
    }

    /** Connects and subscribes; completes when the broker granted the subscriptions. Idempotent. */
    public CompletableFuture<Void> start() {
        return client.start();
    }

    /** Disconnects and stops its thread. Idempotent. */
    public CompletableFuture<Void> stop() {
        return client.stop();
    }

    /** Stops and waits (at most 30 s). */
    @Override
    public void close() {
        try {
            stop().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the map provider did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** Where the backend registers and revokes anonymous keys. */
    public MapKeyRegistration registration() {
        return keys;
    }

    /** The catalogue of map versions. */
    public MapCatalogue catalogue() {
        return catalogue;
    }

    /** What the provider keeps of the transfers: key, region, version and time, oldest first (the newest 10,000). */
    public List<MapTransfer> transfers() {
        return transfers.all();
    }

    /** How many keys are registered now. */
    public int registeredKeys() {
        return keys.size();
    }

    public MapProviderConfig config() {
        return config;
    }
}
