package io.pcmsim.vehicle.internal.softwareupdate;

import io.pcmsim.proto.v1.CollectionConfig;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.SoftwareUpdateAnswer;
import io.pcmsim.proto.v1.SoftwareUpdateQuery;
import io.pcmsim.proto.v1.SoftwareUpdateStatus;
import io.pcmsim.proto.v1.SoftwareUpdateStatus.State;
import io.pcmsim.proto.v1.UpdateChunk;
import io.pcmsim.proto.v1.UpdateChunkRequest;
import io.pcmsim.proto.v1.UpdateOffer;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.internal.service.VehicleService;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.softwareupdate.SoftwareUpdatePolicy;
import io.pcmsim.vehicle.softwareupdate.UpdateDecision;
import io.pcmsim.vehicle.softwareupdate.UpdateProgress;
import io.pcmsim.vehicle.softwareupdate.UpdateProgress.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Online software update: the car asks for updates (a {@code SoftwareUpdateQuery} with its model and installed
 * versions) at every session start, every vehicle start and every poll interval; checks an offer against
 * itself ({@link PackageCheck}); lets the driver (or the fleet's policy) accept, defer or decline; downloads
 * the package a window of chunks per sample interval, after a reconnect from the first missing chunk;
 * verifies hash and signature; installs on simulated time and reports the outcome with the new versions.
 * Every message passes the privacy gate: while the group <em>without location</em> or the service is off,
 * nothing is sent and no download proceeds. Used on the vehicle's lane; {@link #progress()} from any thread.
 */
public final class SoftwareUpdateService implements VehicleService {

    private final ServiceChannel channel;
    private final VehicleProfile profile;
    private final SoftwareUpdatePolicy policy;
    private final long seed;
    private final InstalledSoftware installed;
    private final Map<String, Integer> offers = new LinkedHashMap<>();

    private Phase phase = Phase.IDLE;
    private @Nullable UpdateOffer offer;
    private @Nullable Download download;
    private @Nullable String failureReason;
    private @Nullable String injectedFailure;
    private Duration pollInterval;
    private @Nullable Instant lastPoll;
    private @Nullable Instant nextPoll;
    private @Nullable Instant installDone;
    private int requestedUpTo;
    private long refused;
    private volatile UpdateProgress progress;

    public SoftwareUpdateService(ServiceChannel channel, VehicleProfile profile, SoftwareUpdatePolicy policy, long seed) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.seed = seed;
        this.pollInterval = policy.pollInterval();
        this.installed = new InstalledSoftware(profile.software());
        this.progress = snapshot();
    }

    @Override
    public Service service() {
        return Service.SOFTWARE_UPDATE;
    }

    @Override
    public CompletableFuture<Void> sessionStarted(Instant now) {
        if (phase == Phase.DOWNLOADING) {
            requestedUpTo = 0;
            requestChunks(now);
        }
        return poll(now);
    }

    @Override
    public CompletableFuture<Void> vehicleStarted(Instant now) {
        return poll(now);
    }

    @Override
    public void tick(Instant now) {
        if (nextPoll != null && !now.isBefore(nextPoll)) {
            poll(now);
        }
        if (phase == Phase.DOWNLOADING && download != null && download.firstMissing() >= requestedUpTo) {
            requestChunks(now);
        }
        if (phase == Phase.INSTALLING && installDone != null && !now.isBefore(installDone)) {
            finishInstall(now);
        }
    }

    @Override
    public void downlink(DownlinkEnvelope message, Instant now) {
        if (message.hasSoftwareUpdateAnswer()) {
            answered(message.getSoftwareUpdateAnswer(), now);
        } else if (message.hasUpdateChunk()) {
            chunk(message.getUpdateChunk(), now);
        }
    }

    /**
     * The backend's collection settings (on {@code down/smart-service}): a positive
     * {@code software_update_poll_interval_s} replaces the poll interval, counted from the last poll.
     */
    public void collectionConfig(CollectionConfig config, Instant now) {
        if (config.getSoftwareUpdatePollIntervalS() > 0) {
            pollInterval = Duration.ofSeconds(config.getSoftwareUpdatePollIntervalS());
            nextPoll = (lastPoll == null ? now : lastPoll).plus(pollInterval);
        }
    }

    /** The driver's answer to the offer waiting for it; ignored when none waits. */
    public CompletableFuture<Void> decide(UpdateDecision decision, Instant now) {
        if (phase != Phase.OFFERED) {
            return CompletableFuture.completedFuture(null);
        }
        return apply(decision, now);
    }

    /** The next install fails with {@code reason} (a test's or the console's injection). */
    public void injectInstallFailure(String reason) {
        injectedFailure = Objects.requireNonNull(reason, "reason");
    }

    /** What the car is doing with updates now; thread-safe. */
    public UpdateProgress progress() {
        return progress;
    }

    private CompletableFuture<Void> poll(Instant now) {
        lastPoll = now;
        nextPoll = now.plus(pollInterval);
        if (!channel.online()) {
            return CompletableFuture.completedFuture(null);
        }
        SoftwareUpdateQuery.Builder query = SoftwareUpdateQuery.newBuilder().setQueryId(UUID.randomUUID().toString())
                .setModelCode(profile.modelLine().modelCode()).addAllInstalled(installed.components());
        return channel.send(UplinkEnvelope.newBuilder().setSoftwareUpdateQuery(query).build(), now);
    }

    private void answered(SoftwareUpdateAnswer answer, Instant now) {
        if (answer.getResult() != SoftwareUpdateAnswer.Result.UPDATE_AVAILABLE || !channel.allowed()) {
            return;
        }
        UpdateOffer offered = answer.getOffer();
        boolean same = offer != null && offer.getCampaignId().equals(offered.getCampaignId());
        if (same && phase != Phase.DEFERRED) {
            return; // the offer in hand, or one already settled
        }
        if (phase == Phase.OFFERED || phase == Phase.DOWNLOADING || phase == Phase.INSTALLING) {
            return; // busy with another update: this one is offered again at a later query
        }
        offer = offered;
        download = null;
        installDone = null;
        int n = offers.merge(offered.getCampaignId(), 1, Integer::sum);
        Optional<String> refusal = PackageCheck.refuseOffer(offered, policy.trustedReleaseKey(),
                profile.modelLine().modelCode(), installed.byComponent());
        if (refusal.isPresent()) {
            refuse(refusal.get(), now);
            return;
        }
        phase = Phase.OFFERED;
        failureReason = null;
        Optional<UpdateDecision> drawn = DriverDraw.decision(policy, seed, profile.vin().value(),
                offered.getCampaignId(), n);
        if (drawn.isPresent()) {
            apply(drawn.get(), now);
        } else {
            progress = snapshot();
        }
    }

    private CompletableFuture<Void> apply(UpdateDecision decision, Instant now) {
        UpdateOffer current = Objects.requireNonNull(offer);
        switch (decision) {
            case ACCEPT -> {
                phase = Phase.DOWNLOADING;
                download = new Download(current);
                requestedUpTo = 0;
                CompletableFuture<Void> sent = status(State.ACCEPTED, now);
                requestChunks(now);
                return sent;
            }
            case DEFER -> phase = Phase.DEFERRED;
            case DECLINE -> phase = Phase.DECLINED;
            default -> throw new IllegalStateException("decision " + decision);
        }
        return status(decision == UpdateDecision.DEFER ? State.DEFERRED : State.DECLINED, now);
    }

    private void requestChunks(Instant now) {
        Download d = download;
        if (d == null || !channel.online() || !channel.allowed()) {
            return;
        }
        int from = d.firstMissing();
        int count = Math.min(policy.chunksPerSample(), d.count() - from);
        if (count <= 0) {
            return;
        }
        requestedUpTo = from + count;
        channel.send(UplinkEnvelope.newBuilder().setUpdateChunkRequest(UpdateChunkRequest.newBuilder()
                .setCampaignId(d.offer().getCampaignId()).setFromIndex(from).setCount(count)).build(), now);
    }

    private void chunk(UpdateChunk chunk, Instant now) {
        Download d = download;
        if (phase != Phase.DOWNLOADING || d == null || !d.offer().getCampaignId().equals(chunk.getCampaignId())) {
            return; // a late chunk of a download that ended
        }
        d.add(chunk.getIndex(), chunk.getData().toByteArray());
        progress = snapshot();
        if (!d.complete()) {
            return;
        }
        Optional<String> refusal = PackageCheck.refusePackage(d.bytes(), d.offer(),
                policy.trustedReleaseKey().orElseThrow());
        if (refusal.isPresent()) {
            refuse(refusal.get(), now);
            return;
        }
        status(State.DOWNLOADED, now);
        phase = Phase.INSTALLING;
        installDone = now.plus(policy.installDuration());
        status(State.INSTALLING, now);
    }

    private void finishInstall(Instant now) {
        UpdateOffer current = Objects.requireNonNull(offer);
        String reason = injectedFailure;
        injectedFailure = null;
        if (reason == null && DriverDraw.of(seed, profile.vin().value(), current.getCampaignId(), "install")
                < policy.installFailureFraction()) {
            reason = "install failed: flash verification error on " + current.getTarget(0).getComponent();
        }
        installDone = null;
        if (reason != null) {
            phase = Phase.FAILED;
            failureReason = reason;
            status(State.FAILED, now);
            return;
        }
        installed.install(current.getTargetList());
        phase = Phase.INSTALLED;
        status(State.INSTALLED, now);
    }

    private void refuse(String reason, Instant now) {
        refused++;
        phase = Phase.FAILED;
        failureReason = reason;
        download = null;
        status(State.FAILED, now);
    }

    private CompletableFuture<Void> status(State state, Instant now) {
        progress = snapshot();
        SoftwareUpdateStatus.Builder status = SoftwareUpdateStatus.newBuilder()
                .setCampaignId(Objects.requireNonNull(offer).getCampaignId()).setState(state);
        if (download != null) {
            status.setProgressPercent(download.received() * 100 / download.count());
        }
        if (state == State.FAILED && failureReason != null) {
            status.setFailureReason(failureReason);
        }
        if (state == State.INSTALLED) {
            status.addAllInstalled(installed.components());
        }
        return channel.send(UplinkEnvelope.newBuilder().setSoftwareUpdateStatus(status).build(), now);
    }

    private UpdateProgress snapshot() {
        Download d = download;
        return new UpdateProgress(phase, Optional.ofNullable(offer).map(UpdateOffer::getCampaignId),
                d == null ? 0 : d.received(), offer == null ? 0 : offer.getChunkCount(),
                Optional.ofNullable(failureReason), refused, installed.versions());
    }
}
