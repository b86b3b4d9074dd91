package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.proto.v1.Powertrain;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Smart Service: keeps each vehicle's newest state ({@code smart_service_vehicle}, with the model of its
 * report) and the maintenance needs derived from it, newest by the car's clock (ties by boot id, then
 * sequence), because after a reconnect the car's outbox sends older reports under its new boot id. Every
 * report itself stays in {@code uplink_message} as the car sent it (the report history: decode the payloads);
 * the rows written before are in {@code smart_service_report}.
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
        NeedRows.rewriteChanged(connection, NewestStates.claim(connection, newestPerVehicle(records)), backendTime);
    }

    /**
     * For each vehicle (in VIN order: concurrent backends lock its rows in one order), its newest state in
     * the batch and the needs it gives; a report without state is only in {@code uplink_message}. Only these
     * states are decoded.
     */
    private List<NewestStates.Candidate> newestPerVehicle(List<UplinkRecord> records) {
        Map<Vin, UplinkRecord> newest = new TreeMap<>();
        for (UplinkRecord r : records) {
            if (!r.envelope().getSmartService().hasState()) {
                continue;
            }
            UplinkRecord old = newest.get(r.header().vin());
            if (old == null || VEHICLE_TIME_THEN_KEY.compare(r, old) > 0) {
                newest.put(r.header().vin(), r);
            }
        }
        List<NewestStates.Candidate> candidates = new ArrayList<>(newest.size());
        for (Map.Entry<Vin, UplinkRecord> e : newest.entrySet()) {
            UplinkRecord r = e.getValue();
            SmartServiceReport report = r.envelope().getSmartService();
            ReportedState state = UplinkCodec.reportedState(report.getState());
            List<MaintenanceNeed> needs = rules.evaluate(e.getKey(), state, r.header().vehicleTime());
            boolean model = !report.getModelCode().isEmpty();
            candidates.add(new NewestStates.Candidate(e.getKey(), r.header().vehicleTime(), r.header().bootId(),
                    r.header().sequence(), model ? report.getModelCode() : null, model ? report.getModelYear() : null,
                    powertrain(report.getPowertrain()), state, needs, NewestStates.digest(needs)));
        }
        return candidates;
    }

    /** The powertrain's name as the car's users type it, or null when the report does not say. */
    static @Nullable String powertrain(Powertrain powertrain) {
        return switch (powertrain) {
            case POWERTRAIN_COMBUSTION -> "combustion";
            case POWERTRAIN_PLUG_IN_HYBRID -> "plug-in-hybrid";
            case POWERTRAIN_BATTERY_ELECTRIC -> "battery-electric";
            default -> null;
        };
    }
}
