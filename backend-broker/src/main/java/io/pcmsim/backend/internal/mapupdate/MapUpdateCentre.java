package io.pcmsim.backend.internal.mapupdate;

import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.backend.internal.storage.StorageException;
import io.pcmsim.backend.mapprovider.MapCatalogue;
import io.pcmsim.backend.mapprovider.MapProvider;
import io.pcmsim.backend.mapprovider.MapProviderConfig;
import io.pcmsim.backend.mapprovider.MapProviderEvents;
import io.pcmsim.backend.mapprovider.MapRelease;
import io.pcmsim.backend.mapprovider.MapTransfer;
import io.pcmsim.backend.mapupdate.DocumentedTransfer;
import io.pcmsim.backend.mapupdate.MapUpdateCounts;
import io.pcmsim.backend.mapupdate.MapUpdates;
import io.pcmsim.protocol.AnonymousMapKey;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Map update's side of the backend towards operators and the map provider: it runs the in-process provider,
 * passes keys to it through {@link io.pcmsim.backend.mapprovider.MapKeyRegistration} only, and documents the
 * transfers the provider reports (by key) in {@code map_transfer}. Thread-safe.
 */
public final class MapUpdateCentre implements MapUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(MapUpdateCentre.class);
    private static final String TRANSFER_COLUMNS = "SELECT anonymous_key, region, map_version, transferred_at,"
            + " recorded_at FROM map_transfer";

    private final Database database;
    private final Clock clock;
    private final MapProvider provider;
    private final AtomicLong entitled = new AtomicLong();
    private final AtomicLong notEntitled = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong installed = new AtomicLong();

    public MapUpdateCentre(Database database, MapProviderConfig providerConfig, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.provider = MapProvider.create(providerConfig, new Events());
    }

    /**
     * Starts the in-process map provider; a failure is logged (map update then waits for the provider's
     * reconnect) and does not stop the backend.
     */
    public CompletableFuture<Void> start() {
        return provider.start().whenComplete((v, error) -> {
            if (error != null) {
                LOG.warn("the map provider did not connect to the broker: {}", error.toString());
            }
        });
    }

    /** Stops the in-process map provider. */
    public CompletableFuture<Void> stop() {
        return provider.stop();
    }

    void registerAtProvider(AnonymousMapKey key) {
        entitled.incrementAndGet();
        provider.registration().register(key);
    }

    void revokeAtProvider(AnonymousMapKey key) {
        provider.registration().revoke(key);
    }

    void notEntitled() {
        notEntitled.incrementAndGet();
    }

    @Override
    public MapCatalogue catalogue() {
        return provider.catalogue();
    }

    @Override
    public List<DocumentedTransfer> transfers(AnonymousMapKey key) {
        return read(TRANSFER_COLUMNS + " WHERE anonymous_key = ? ORDER BY transferred_at, transfer_id",
                key.value(), Integer.MAX_VALUE);
    }

    @Override
    public List<DocumentedTransfer> recentTransfers(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000, was " + limit);
        }
        return read(TRANSFER_COLUMNS + " ORDER BY recorded_at DESC, transfer_id FETCH FIRST " + limit + " ROWS ONLY",
                null, limit);
    }

    @Override
    public int revoke(Vin vin) {
        try (Connection c = database.connect()) {
            List<AnonymousMapKey> keys = MapKeys.revokeAll(c, vin, clock.instant());
            keys.forEach(this::revokeAtProvider);
            return keys.size();
        } catch (SQLException e) {
            throw new StorageException("cannot revoke the map keys of " + vin + ": " + e.getMessage(), e);
        }
    }

    @Override
    public MapUpdateCounts counts() {
        return new MapUpdateCounts(entitled.get(), notEntitled.get(), provider.registeredKeys(), checks.get(),
                offered.get(), installed.get());
    }

    /** The in-process provider, for tests and tools. */
    public MapProvider provider() {
        return provider;
    }

    private List<DocumentedTransfer> read(String sql, @Nullable String key, int limit) {
        List<DocumentedTransfer> result = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (key != null) {
                ps.setString(1, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && result.size() < limit) {
                    result.add(new DocumentedTransfer(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read map transfers: " + e.getMessage(), e);
        }
        return result;
    }

    private void document(MapTransfer transfer) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO map_transfer"
                + " (transfer_id, anonymous_key, region, map_version, transferred_at, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            new Params(ps).string(UUID.randomUUID().toString()).string(transfer.key().value())
                    .string(transfer.region()).string(transfer.version()).instant(transfer.at())
                    .instant(clock.instant());
            ps.executeUpdate();
            installed.incrementAndGet();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("map transfer of {} {} not documented: {}", transfer.region(), transfer.version(), e.getMessage());
        }
    }

    /** What the provider reports, by key. */
    private final class Events implements MapProviderEvents {
        @Override
        public void checked(AnonymousMapKey key) {
            checks.incrementAndGet();
        }

        @Override
        public void offered(AnonymousMapKey key, MapRelease release) {
            offered.incrementAndGet();
        }

        @Override
        public void transferred(MapTransfer transfer) {
            document(transfer);
        }
    }
}
