package io.pcmsim.backend.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.smartservice.MaintenanceQueries;
import io.pcmsim.backend.internal.smartservice.MaintenanceRules;
import io.pcmsim.backend.testing.ExternalServices;
import io.pcmsim.backend.testing.Handlers;
import io.pcmsim.backend.testing.PostgresSchema;
import io.pcmsim.backend.testing.Uplinks;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two stores (as two backend instances have) writing into one PostgreSQL schema at the same time, batches
 * that share vehicles and keys, one in ascending and one in descending VIN order: every key is stored once,
 * the second writer of a key counts it as duplicate, and neither writer meets a deadlock, because each
 * batch locks its keys and vehicle rows in one order. Skipped without PostgreSQL, failed with CI=true.
 */
class UplinkStoreConcurrencyPostgresIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final int VEHICLES = 200;
    private static final int ROUNDS = 20;

    private PostgresSchema schema;
    private ExecutorService writers;

    @BeforeEach
    void createSchema() {
        ExternalServices.requirePostgres();
        schema = PostgresSchema.create();
        writers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void dropSchema() throws InterruptedException {
        if (writers != null) {
            writers.shutdownNow();
            writers.awaitTermination(30, TimeUnit.SECONDS);
        }
        if (schema != null) {
            schema.drop();
        }
    }

    @Test
    @Timeout(120)
    void write_whenTwoStoresWriteOverlappingBatchesAtOnce_storesEveryKeyOnceWithoutDeadlock() throws Exception {
        Database database = Database.of(schema.jdbcUrl());
        database.migrate(Handlers.locations());
        List<Vin> vins = new ArrayList<>(Uplinks.randomVins(VEHICLES));
        vins.sort(null);
        // round r: every vehicle's message r+1; both writers get all of them, in opposite VIN order
        List<List<UplinkRecord>> ascending = new ArrayList<>();
        List<List<UplinkRecord>> descending = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<UplinkRecord> batch = new ArrayList<>();
            for (Vin vin : vins) {
                batch.add(UplinkStoreContract.record(Service.SMART_SERVICE, Uplinks.smartService(vin, 1, round + 1,
                        round % 2 == 0 ? Uplinks.wornState(1000 + round) : Uplinks.healthyState(1000 + round))));
            }
            ascending.add(batch);
            List<UplinkRecord> reversed = new ArrayList<>(batch);
            Collections.reverse(reversed);
            descending.add(reversed);
        }

        CompletableFuture<int[]> first = CompletableFuture.supplyAsync(() -> writeAll(database, ascending), writers);
        CompletableFuture<int[]> second = CompletableFuture.supplyAsync(() -> writeAll(database, descending), writers);

        int[] a = first.get(100, TimeUnit.SECONDS);
        int[] b = second.get(100, TimeUnit.SECONDS);
        int keys = VEHICLES * ROUNDS;
        assertThat(a[0] + b[0]).as("stored by either").isEqualTo(keys);
        assertThat(a[1] + b[1]).as("duplicates counted by either").isEqualTo(keys);
        StoreQueries queries = new StoreQueries(database);
        MaintenanceQueries maintenance = new MaintenanceQueries(database, MaintenanceRules.defaults());
        for (Vin vin : vins) {
            assertThat(queries.storedMessages(vin)).isEqualTo(ROUNDS);
            // the newest state (message ROUNDS, a healthy one) decides, whoever stored it
            assertThat(maintenance.needs(vin)).as(vin.value()).isEmpty();
        }
    }

    /** Writes the batches in order; a deadlock or any other failure fails the test. Returns {stored, duplicates}. */
    private static int[] writeAll(Database database, List<List<UplinkRecord>> batches) {
        int stored = 0;
        int duplicates = 0;
        try (UplinkStore store = UplinkStore.open(database, Handlers.standard(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            for (List<UplinkRecord> batch : batches) {
                WriteResult result = store.write(batch);
                stored += result.stored().size();
                duplicates += result.duplicates();
            }
        }
        return new int[] {stored, duplicates};
    }
}
