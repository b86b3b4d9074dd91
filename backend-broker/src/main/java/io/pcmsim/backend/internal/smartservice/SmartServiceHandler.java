package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.MaintenanceNeed;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.internal.downlink.DownlinkPublisher;
import io.pcmsim.backend.internal.service.AfterCommit;
import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.DerivedRows;
import io.pcmsim.backend.internal.service.ExpiringRows;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.smartservice.SmartService;
import io.pcmsim.proto.v1.Powertrain;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.ReportedState;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
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
 * report), newest by the car's clock (ties by boot id, then sequence), because after a reconnect the car's
 * outbox sends older reports under its new boot id. What that state shows (the findings: {@link
 * MaintenanceQueries}) is derived from it when asked, by the rules of the running backend, and not stored. Every
 * report itself stays in {@code uplink_message} as the car sent it (the report history: decode the payloads);
 * the rows written before are in {@code smart_service_report}. The needs also live on as cases with a lifecycle
 * ({@link NeedCases}), stepped in the same transaction; a case's row is written only at its steps (opened,
 * severity changed, resolved, and the API's appointment steps), and an unresolved case is read with the due and
 * reason its vehicle's newest state shows now ({@link NeedReads}). The car's acknowledgements of collection
 * configs mark them applied ({@link ConfigRows}); its appointment requests become appointments ({@link
 * CarAppointments}), whose navigation destinations are sent once the batch committed.
 *
 * <p>Retention: 30 years (the notice: product observation; dealers may retrieve the data by VIN for those 30
 * years). The class {@code smart-service} holds the raw reports in {@code uplink_message}, the report rows of
 * before, and the newest state ({@link ExpiredStates}).
 */
public final class SmartServiceHandler implements ServiceHandler {

    private static final RetentionPolicy RETENTION = RetentionPolicy.years(30, "product observation over a"
            + " car's life: the notice keeps Smart Service data 30 years, and dealers may retrieve it by VIN for"
            + " those 30 years");
    /** Newest by the car's clock; ties (same vehicle time) by boot id, then sequence. */
    private static final Comparator<UplinkRecord> VEHICLE_TIME_THEN_KEY = Comparator
            .<UplinkRecord, Instant>comparing(r -> r.header().vehicleTime())
            .thenComparingLong(r -> r.header().bootId()).thenComparingLong(r -> r.header().sequence());

    private final MaintenanceRules rules;
    private final DealerDirectory dealers;
    private final @Nullable NavigationSender navigation;
    private final @Nullable SmartService api;

    /** A handler that stores only: car appointments are made at the sample dealers, no destination is sent. */
    public SmartServiceHandler(MaintenanceRules rules) {
        this(rules, DealerDirectory.sample(), null, null);
    }

    private SmartServiceHandler(MaintenanceRules rules, DealerDirectory dealers, @Nullable NavigationSender navigation,
            @Nullable SmartService api) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.dealers = Objects.requireNonNull(dealers, "dealers");
        this.navigation = navigation;
        this.api = api;
    }

    /** A handler that sends navigation destinations through {@code downlinks}, with its {@link #api()}. */
    public static SmartServiceHandler withDownlinks(MaintenanceRules rules, DealerDirectory dealers, Database database,
            DownlinkPublisher downlinks, Clock clock) {
        NavigationSender navigation = new NavigationSender(downlinks, database);
        return new SmartServiceHandler(rules, dealers, navigation,
                new SmartServiceStore(database, new MaintenanceQueries(database, rules), downlinks, navigation,
                        dealers, clock));
    }

    /**
     * Smart Service for the backend's users.
     *
     * @throws IllegalStateException for a handler made without downlinks
     */
    public SmartService api() {
        if (api == null) {
            throw new IllegalStateException("this Smart Service handler was made without downlinks");
        }
        return api;
    }

    @Override
    public Service service() {
        return Service.SMART_SERVICE;
    }

    @Override
    public Set<UplinkEnvelope.BodyCase> bodies() {
        return Set.of(UplinkEnvelope.BodyCase.SMART_SERVICE, UplinkEnvelope.BodyCase.COLLECTION_CONFIG_APPLIED,
                UplinkEnvelope.BodyCase.APPOINTMENT_REQUEST);
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/smartservice";
    }

    @Override
    public RetentionPolicy retention() {
        return RETENTION;
    }

    @Override
    public List<DataClass> dataClasses() {
        return List.of(DataClass.messagesOf("smart-service", Service.SMART_SERVICE, RETENTION)
                .and(new ExpiredStates())
                .and(DerivedRows.keyedLike("smart_service_report"))
                // the needs' cases and history, appointments and collection configs, by their own backend time
                .and(ExpiringRows.of("smart_service_need_event", "at", "event_id"))
                .and(ExpiringRows.of("smart_service_need", "updated_at", "need_id"))
                .and(ExpiringRows.of("smart_service_appointment", "requested_at", "appointment_id"))
                .and(ExpiringRows.of("smart_service_collection_config", "sent_at", "config_id")));
    }

    /** The needs queries on {@code database}, by this handler's rules. */
    public MaintenanceQueries queries(Database database) {
        return new MaintenanceQueries(database, rules);
    }

    @Override
    public void store(Connection connection, List<UplinkRecord> records, Instant backendTime, AfterCommit afterCommit)
            throws SQLException {
        List<UplinkRecord> reports = new ArrayList<>(records.size());
        List<UplinkRecord> applied = new ArrayList<>();
        List<UplinkRecord> appointments = new ArrayList<>();
        for (UplinkRecord r : records) {
            switch (r.envelope().getBodyCase()) {
                case COLLECTION_CONFIG_APPLIED -> applied.add(r);
                case APPOINTMENT_REQUEST -> appointments.add(r);
                default -> reports.add(r);
            }
        }
        List<NewestStates.Candidate> claimed = NewestStates.claim(connection, newestPerVehicle(reports));
        NeedCases.advance(connection, claimed, backendTime);
        ConfigRows.applied(connection, applied);
        List<CarAppointments.Navigation> destinations = CarAppointments.store(connection, appointments, dealers,
                backendTime);
        if (navigation != null && !destinations.isEmpty()) {
            afterCommit.add(() -> destinations.forEach(n -> navigation.send(n.vin(), n.appointmentId(), n.requestId(),
                    n.dealer())));
        }
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
                    powertrain(report.getPowertrain()), state, needs));
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
