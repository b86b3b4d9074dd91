package io.pcmsim.vehicle.internal.smartservice;

import io.pcmsim.proto.v1.AppointmentRequest;
import io.pcmsim.proto.v1.CollectionConfig;
import io.pcmsim.proto.v1.CollectionConfigApplied;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.SmartServiceReport.Trigger;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.internal.service.SettingsChange;
import io.pcmsim.vehicle.internal.service.VehicleService;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.smartservice.NavigationDestination;
import io.pcmsim.vehicle.smartservice.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Smart Service: the state snapshot after every login (SESSION_START) and at every vehicle start
 * (VEHICLE_START), periodic reports, threshold reports, reports on request (ON_REQUEST), and the backend's collection config ({@code down/smart-service}), applied and acknowledged
 * with {@code CollectionConfigApplied}. Threshold crossings while the service may not transmit are
 * consumed, never reported later. The driver may ask for a workshop appointment
 * ({@code AppointmentRequest}); a {@code NavigationDestination} the backend sends becomes the car's
 * destination, unanswered.
 */
public final class SmartService implements VehicleService {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ServiceChannel channel;
    private final VehicleProfile profile;
    private final VehicleModel model;
    private Thresholds thresholds;
    private ThresholdMonitor monitor;
    private Duration reportInterval;
    private Instant nextPeriodic;
    private volatile @Nullable NavigationDestination destination;

    /**
     * @param firstPeriodic vehicle time of the first periodic report (spread over the fleet)
     */
    public SmartService(ServiceChannel channel, VehicleProfile profile, VehicleModel model, Thresholds thresholds,
            Duration reportInterval, Instant firstPeriodic) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.model = Objects.requireNonNull(model, "model");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.monitor = new ThresholdMonitor(thresholds);
        this.reportInterval = Objects.requireNonNull(reportInterval, "reportInterval");
        this.nextPeriodic = Objects.requireNonNull(firstPeriodic, "firstPeriodic");
    }

    @Override
    public Service service() {
        return Service.SMART_SERVICE;
    }

    @Override
    public CompletableFuture<Void> sessionStarted(Instant now) {
        return channel.allowed() ? report(Trigger.SESSION_START, List.of(), now) : DONE;
    }

    @Override
    public CompletableFuture<Void> vehicleStarted(Instant now) {
        return channel.allowed() ? report(Trigger.VEHICLE_START, List.of(), now) : DONE;
    }

    @Override
    public CompletableFuture<Void> reportRequested(Instant now) {
        return channel.allowed() ? report(Trigger.ON_REQUEST, List.of(), now) : DONE;
    }

    @Override
    public void tick(Instant now) {
        VehicleSnapshot state = model.snapshot();
        monitor.evaluate(state, now).ifPresent(crossing -> report(Trigger.THRESHOLD, crossing.crossedThresholds(), now));
        if (!channel.allowed()) {
            monitor.discardPending();
        }
        if (!now.isBefore(nextPeriodic)) {
            report(Trigger.PERIODIC, List.of(), now);
            long behind = Duration.between(nextPeriodic, now).toNanos() / reportInterval.toNanos();
            nextPeriodic = nextPeriodic.plus(reportInterval.multipliedBy(behind + 1));
        }
    }

    @Override
    public void downlink(DownlinkEnvelope message, Instant now) {
        if (message.hasCollectionConfig()) {
            apply(message.getCollectionConfig(), now);
        } else if (message.hasNavigationDestination()) {
            io.pcmsim.proto.v1.NavigationDestination d = message.getNavigationDestination();
            destination = new NavigationDestination(d.getAppointmentId(), d.getRequestId(), d.getDealerId(),
                    d.getDealerName(), d.getAddress(), d.getLatitude(), d.getLongitude(), now);
        }
    }

    @Override
    public CompletableFuture<Void> settingsChanged(SettingsChange change, Instant now) {
        if (change.blocked().contains(Service.SMART_SERVICE)) {
            monitor.discardPending();
        }
        boolean freshLoginFollows = change.unblocked().contains(Service.LOGIN);
        if (change.unblocked().contains(Service.SMART_SERVICE) && !freshLoginFollows && channel.online()) {
            return report(Trigger.SESSION_START, List.of(), now);
        }
        return DONE;
    }

    /**
     * Sends a report of the state now, outside the schedule (trigger {@code PERIODIC}; the schedule stays as
     * it is); the settings decide whether it goes out, as for every report.
     *
     * @return settles when the broker acknowledged it or the publish failed; complete when held back or queued
     */
    public CompletableFuture<Void> reportNow(Instant now) {
        return report(Trigger.PERIODIC, List.of(), now);
    }

    /**
     * The driver asks for a workshop appointment; the settings decide whether it goes out, as for every
     * Smart Service message.
     *
     * @param dealerId a dealer of the backend's directory, or null for the owner's preferred dealer
     * @param navigate whether the backend should send the dealer as the navigation destination
     * @return settles when the broker acknowledged it or the publish failed; complete when held back or queued
     */
    public CompletableFuture<Void> requestAppointment(@Nullable String dealerId, boolean navigate, Instant now) {
        AppointmentRequest.Builder request = AppointmentRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString()).setNavigate(navigate);
        if (dealerId != null) {
            request.setDealerId(dealerId);
        }
        return channel.send(UplinkEnvelope.newBuilder().setAppointmentRequest(request).build(), now);
    }

    /** The destination the backend sent last; any thread. */
    public Optional<NavigationDestination> navigationDestination() {
        return Optional.ofNullable(destination);
    }

    /** The report interval in force. */
    public Duration reportInterval() {
        return reportInterval;
    }

    /** The limits in force. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /**
     * Puts the config in force and acknowledges it; a config with an unknown or invalid limit is
     * refused whole (IllegalArgumentException) and not acknowledged.
     */
    private void apply(CollectionConfig config, Instant now) {
        Thresholds next = ThresholdRules.with(thresholds, config.getThresholdsMap());
        if (config.getSmartServiceIntervalS() > 0) {
            reportInterval = Duration.ofSeconds(config.getSmartServiceIntervalS());
            Instant due = now.plus(reportInterval);
            nextPeriodic = due.isBefore(nextPeriodic) ? due : nextPeriodic;
        }
        if (!next.equals(thresholds)) {
            thresholds = next;
            monitor = new ThresholdMonitor(next);
        }
        channel.send(UplinkEnvelope.newBuilder().setCollectionConfigApplied(
                CollectionConfigApplied.newBuilder().setConfigId(config.getConfigId())).build(), now);
    }

    private CompletableFuture<Void> report(Trigger trigger, List<String> crossed, Instant now) {
        return channel.send(UplinkEnvelope.newBuilder().setSmartService(SmartServiceReport.newBuilder()
                .setTrigger(trigger)
                .addAllCrossedThresholds(crossed)
                .setState(UplinkCodec.state(model.snapshot()))
                .setModelCode(profile.modelLine().modelCode())
                .setModelYear(profile.modelYear())
                .setPowertrain(PowertrainCodes.wire(profile.powertrain()))).build(), now);
    }
}
