package io.pcmsim.backend.internal.smartservice;

import io.pcmsim.backend.dealer.Dealer;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.internal.downlink.DownlinkPublisher;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.smartservice.Appointment;
import io.pcmsim.backend.smartservice.AppointmentWish;
import io.pcmsim.backend.smartservice.CollectionConfigs;
import io.pcmsim.backend.smartservice.CollectionSettings;
import io.pcmsim.backend.smartservice.NeedState;
import io.pcmsim.backend.smartservice.SmartService;
import io.pcmsim.backend.smartservice.SmartServiceException;
import io.pcmsim.backend.smartservice.SmartServiceException.Kind;
import io.pcmsim.backend.smartservice.TrackedNeed;
import io.pcmsim.proto.v1.CollectionConfig;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.protocol.Vin;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@link SmartService} on the backend's database and downlinks. Thread-safe. */
final class SmartServiceStore implements SmartService {

    private final Database database;
    private final MaintenanceQueries queries;
    private final DownlinkPublisher downlinks;
    private final NavigationSender navigation;
    private final DealerDirectory dealers;
    private final Clock clock;

    SmartServiceStore(Database database, MaintenanceQueries queries, DownlinkPublisher downlinks,
            NavigationSender navigation, DealerDirectory dealers, Clock clock) {
        this.database = database;
        this.queries = queries;
        this.downlinks = downlinks;
        this.navigation = navigation;
        this.dealers = dealers;
        this.clock = clock;
    }

    @Override
    public DealerDirectory dealers() {
        return dealers;
    }

    /** Recorded first, then sent: the car's answer can never overtake the row it updates. */
    @Override
    public CompletableFuture<String> sendCollectionConfig(Vin vin, CollectionSettings settings) {
        String configId = UUID.randomUUID().toString();
        Tx.write(database, "record collection config " + configId, c -> {
            ConfigRows.insert(c, configId, vin, settings, clock.instant());
            return null;
        });
        CollectionConfig.Builder config = CollectionConfig.newBuilder().setConfigId(configId)
                .putAllThresholds(settings.thresholds());
        settings.intervalSeconds().ifPresent(config::setSmartServiceIntervalS);
        CompletableFuture<String> sent;
        try {
            sent = downlinks.send(vin, DownlinkEnvelope.newBuilder().setCollectionConfig(config));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((id, error) -> {
            if (error != null) {
                Tx.write(database, "forget unsent collection config " + configId, c -> {
                    try (var ps = c.prepareStatement("DELETE FROM smart_service_collection_config WHERE config_id = ?")) {
                        ps.setString(1, configId);
                        return ps.executeUpdate();
                    }
                });
                throw new java.util.concurrent.CompletionException(error);
            }
            return configId;
        });
    }

    @Override
    public CollectionConfigs collectionConfigs(Vin vin) {
        return CollectionConfigs.of(Tx.read(database, "read the collection configs of " + vin,
                c -> ConfigRows.of(c, vin)));
    }

    @Override
    public List<TrackedNeed> needs(Vin vin) {
        return Tx.read(database, "read the needs of " + vin, c -> NeedReads.of(c, vin, queries.needs(c, vin)));
    }

    @Override
    public void setPreferredDealer(Vin vin, String dealerId) {
        dealer(dealerId);
        Tx.write(database, "set the preferred dealer of " + vin, c -> {
            AppointmentRows.setPreferredDealer(c, vin, dealerId, clock.instant());
            return null;
        });
    }

    @Override
    public Optional<String> preferredDealer(Vin vin) {
        return Tx.read(database, "read the preferred dealer of " + vin,
                c -> Optional.ofNullable(AppointmentRows.preferredDealers(c, List.of(vin.value())).get(vin.value())));
    }

    @Override
    public Appointment requestAppointment(Vin vin, AppointmentWish wish) {
        wish.dealerId().ifPresent(this::dealer);
        Appointment made = Tx.write(database, "request an appointment for " + vin, c -> {
            String dealerId = wish.dealerId().isPresent() ? wish.dealerId().get()
                    : AppointmentRows.preferredDealers(c, List.of(vin.value())).get(vin.value());
            if (dealerId == null) {
                throw new SmartServiceException(Kind.INVALID, "dealer-required", "name a dealerId: " + vin
                        + " has no preferred dealer, and the nearest dealer cannot be found without the car's"
                        + " location, which Smart Service does not have");
            }
            List<String> needIds = wish.needIds().orElse(null);
            if (needIds == null) {
                needIds = AppointmentRows.needsIn(c, vin, NeedState.OPEN);
            } else {
                for (String id : needIds) {
                    Map.Entry<Vin, NeedState> need = AppointmentRows.need(c, id).filter(n -> n.getKey().equals(vin))
                            .orElseThrow(() -> new SmartServiceException(Kind.NOT_FOUND, "need-not-found",
                                    "no need " + id + " of " + vin));
                    if (need.getValue() != NeedState.OPEN) {
                        throw new SmartServiceException(Kind.CONFLICT, "need-not-open", "need " + id + " is "
                                + need.getValue() + ", only OPEN needs can be asked for");
                    }
                }
            }
            return NewAppointments.requested(c, UUID.randomUUID().toString(), vin, dealerId, Appointment.Origin.APP,
                    null, needIds, wish.preferredDate(), wish.navigate(), clock.instant(), "");
        });
        if (made.navigate()) {
            navigation.send(vin, made.appointmentId(), "", dealer(made.dealerId().orElseThrow()));
        }
        return made;
    }

    @Override
    public List<Appointment> appointments(Vin vin) {
        return Tx.read(database, "read the appointments of " + vin, c -> AppointmentRows.byVin(c, vin));
    }

    @Override
    public List<Appointment> dealerAppointments(String dealerId) {
        dealer(dealerId);
        return Tx.read(database, "read the appointments at " + dealerId, c -> AppointmentRows.byDealer(c, dealerId));
    }

    @Override
    public Appointment book(String appointmentId, Instant at) {
        return Tx.write(database, "book appointment " + appointmentId, c -> {
            Appointment a = AppointmentRows.byId(c, appointmentId).orElseThrow(() -> new SmartServiceException(
                    Kind.NOT_FOUND, "appointment-not-found", "no appointment " + appointmentId));
            Instant now = clock.instant();
            if (a.state() != Appointment.State.REQUESTED || !AppointmentRows.book(c, appointmentId, at, now)) {
                throw new SmartServiceException(Kind.CONFLICT, "appointment-not-requested", "appointment "
                        + appointmentId + " is " + (a.state() == Appointment.State.REQUESTED ? "BOOKED" : a.state())
                        + "; only a REQUESTED appointment can be booked");
            }
            AppointmentRows.moveNeeds(c, a.needIds(), NeedState.APPOINTMENT_REQUESTED, NeedState.BOOKED,
                    appointmentId, now);
            return AppointmentRows.byId(c, appointmentId).orElseThrow();
        });
    }

    private Dealer dealer(String dealerId) {
        return dealers.byId(dealerId).orElseThrow(() -> new SmartServiceException(Kind.NOT_FOUND, "dealer-not-found",
                "no dealer " + dealerId + " in the directory (GET /api/v1/dealers lists them)"));
    }
}
