package io.pcmsim.vehicle.internal.breakdown;

import io.pcmsim.proto.v1.BreakdownReport;
import io.pcmsim.proto.v1.BreakdownReport.Trigger;
import io.pcmsim.proto.v1.DataPullRequest;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.Location;
import io.pcmsim.proto.v1.TrackPoint;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.vehicle.fleet.BreakdownCallResult;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.internal.service.VehicleService;
import io.pcmsim.vehicle.model.VehicleModel;
import io.pcmsim.vehicle.model.VehicleProfile;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The breakdown call: one {@code BreakdownReport} when the driver starts a call in the car (trigger
 * {@code IN_CAR}, a new call id, the two consents the driver gave), and the same report as the answer to a
 * {@code DataPullRequest} on {@code down/breakdown} (trigger {@code APP_PULL}, the request's ids; the
 * consents were given in the app and travel no further). The report holds identification (model code),
 * usage and state, the fault log, location and movement and the recent track.
 *
 * <p>Whether a report may leave is the privacy gate's decision, as for every message: when privacy mode,
 * the group <em>with location</em> or the service forbids it, nothing is sent (no refusal either), nothing
 * is queued for later, and the gate counts it as held back. A call is only meaningful now: a later change
 * of the settings never sends it.
 */
public final class BreakdownService implements VehicleService {

    private static final double ACCURACY_MOVING_M = 5;
    private static final double ACCURACY_PARKED_M = 8;

    private final ServiceChannel channel;
    private final VehicleProfile profile;
    private final VehicleModel model;
    private final PositionModel position;

    public BreakdownService(ServiceChannel channel, VehicleProfile profile, VehicleModel model) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.model = Objects.requireNonNull(model, "model");
        this.position = new PositionModel(profile, model);
    }

    @Override
    public Service service() {
        return Service.BREAKDOWN;
    }

    @Override
    public void tick(Instant now) {
        position.advanceTo(now);
    }

    @Override
    public CompletableFuture<Void> vehicleStarted(Instant now) {
        position.advanceTo(now);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * A data pull: answered with the report when the settings allow it, else not at all.
     *
     * @throws IllegalArgumentException when the request has no request id or no call id
     */
    @Override
    public void downlink(DownlinkEnvelope message, Instant now) {
        if (!message.hasDataPullRequest()) {
            return;
        }
        DataPullRequest pull = message.getDataPullRequest();
        if (pull.getRequestId().isBlank() || pull.getCallId().isBlank()) {
            throw new IllegalArgumentException("a data pull needs a request id and a call id, had ["
                    + pull.getRequestId() + "] and [" + pull.getCallId() + "]");
        }
        channel.send(report(BreakdownReport.newBuilder().setTrigger(Trigger.APP_PULL)
                .setCallId(pull.getCallId()).setPullRequestId(pull.getRequestId()), now), now);
    }

    /**
     * The driver starts a call now and answers the two consent questions.
     *
     * @return the outcome once the report was acknowledged or its publish failed ({@code SENT}), at once
     *     when it waits in the outbox for the connection ({@code QUEUED}) or the settings forbid the service
     *     ({@code REFUSED_BY_SETTINGS}: nothing sent, nothing kept)
     */
    public CompletableFuture<BreakdownCallResult> call(boolean consentAssistance, boolean consentDealer, Instant now) {
        String callId = UUID.randomUUID().toString();
        boolean allowed = channel.allowed();
        boolean online = channel.online();
        // refused by the settings, the gate drops and counts it; it is never queued
        CompletableFuture<Void> sent = channel.send(report(BreakdownReport.newBuilder().setTrigger(Trigger.IN_CAR)
                .setCallId(callId).setConsentAssistance(consentAssistance).setConsentDealer(consentDealer), now), now);
        if (!allowed) {
            return CompletableFuture.completedFuture(BreakdownCallResult.refusedBySettings());
        }
        if (!online) {
            return CompletableFuture.completedFuture(BreakdownCallResult.queued(callId));
        }
        return sent.thenApply(v -> BreakdownCallResult.sent(callId));
    }

    private UplinkEnvelope report(BreakdownReport.Builder report, Instant now) {
        position.advanceTo(now);
        double speed = model.speedKmh(now);
        report.setModelCode(profile.modelLine().modelCode())
                .setState(UplinkCodec.state(model.snapshot()))
                .addAllFaultLog(FaultLog.entries(model.snapshot().dtcs()))
                .setLocation(Location.newBuilder()
                        .setLatitude(position.latitude())
                        .setLongitude(position.longitude())
                        .setHeadingDeg(position.headingDeg())
                        .setSpeedKmh(speed)
                        .setHorizontalAccuracyM(speed > 0 ? ACCURACY_MOVING_M : ACCURACY_PARKED_M)
                        .setFixTimeMs(position.fixTime().toEpochMilli()));
        for (PositionModel.Point p : position.recentTrack(now)) {
            report.addRecentTrack(TrackPoint.newBuilder().setLatitude(p.latitude()).setLongitude(p.longitude())
                    .setTimeMs(p.time().toEpochMilli()));
        }
        return UplinkEnvelope.newBuilder().setBreakdown(report).build();
    }
}
