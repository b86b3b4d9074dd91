package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Smart Service: stores every report (trigger, crossed thresholds, model, state) and keeps each vehicle's
 * maintenance needs derived from its newest state, newest by the car's clock (ties by boot id, then
 * sequence), because after a reconnect the car's outbox sends older reports under its new boot id.
 *
 * <p>Retention: 30 years, the life of a car plus its service history (the basis of the notice).
 */
public final class SmartServiceHandler implements ServiceHandler {

    private static final RetentionPolicy RETENTION = RetentionPolicy.years(30, "maintenance history over a"
            + " car's whole life, as its service book keeps it");
    /** Newest by the car's clock; ties (same vehicle time) by boot id, then sequence. */
    private static final Comparator<UplinkRecord> VEHICLE_TIME_THEN_KEY = Comparator
            .<UplinkRecord, Instant>comparing(r -> r.header().vehicleTime())
            .thenComparingLong(r -> r.header().bootId()).thenComparingLong(r -> r.header().sequence());

    private final MaintenanceRules rules;

    public SmartServiceHandler(MaintenanceRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public Service service() {
        return Service.SMART_SERVICE;
    }

    @Override
    public Set<UplinkEnvelope.BodyCase> bodies() {
        return Set.of(UplinkEnvelope.BodyCase.SMART_SERVICE);
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/smartservice";
    }

    @Override
    public RetentionPolicy retention() {
        return RETENTION;
    }

    /** The needs queries on {@code database}. */
    public MaintenanceQueries queries(Database database) {
        return new MaintenanceQueries(database);
    }

    @Override
    public void store(Connection connection, List<UplinkRecord> records, Instant backendTime) throws SQLException {
        // each state decoded once: for its columns, and for the needs when it is its vehicle's newest
        List<Optional<ReportedState>> states = new ArrayList<>(records.size());
        for (UplinkRecord r : records) {
            states.add(StateColumns.stateOf(r.envelope()));
        }
        ReportRows.insert(connection, records, states);
        NeedRows.replaceIfNewest(connection, newestPerVehicle(records, states), backendTime);
    }

    /**
     * For each vehicle (in VIN order: concurrent backends lock vehicle rows in one order), the needs of its
     * newest state in the batch ({@code states} holds each record's state, if it carries one).
     */
    private List<NeedRows.Derived> newestPerVehicle(List<UplinkRecord> records, List<Optional<ReportedState>> states) {
        Map<Vin, Integer> newest = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (states.get(i).isEmpty()) {
                continue;
            }
            UplinkRecord r = records.get(i);
            Integer old = newest.get(r.header().vin());
            if (old == null || VEHICLE_TIME_THEN_KEY.compare(r, records.get(old)) > 0) {
                newest.put(r.header().vin(), i);
            }
        }
        List<NeedRows.Derived> derived = new ArrayList<>(newest.size());
        for (Map.Entry<Vin, Integer> e : newest.entrySet()) {
            UplinkRecord r = records.get(e.getValue());
            ReportedState state = states.get(e.getValue()).orElseThrow();
            List<MaintenanceNeed> needs = rules.evaluate(e.getKey(), state, r.header().vehicleTime());
            derived.add(new NeedRows.Derived(e.getKey(), r.header().vehicleTime(), r.header().bootId(),
                    r.header().sequence(), needs));
        }
        return derived;
    }
}
