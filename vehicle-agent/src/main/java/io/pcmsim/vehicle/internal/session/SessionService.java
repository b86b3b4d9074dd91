package io.pcmsim.vehicle.internal.session;

import io.pcmsim.proto.v1.Capabilities;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.vehicle.internal.service.ServiceChannel;
import io.pcmsim.vehicle.internal.service.VehicleService;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The session: the login ("birth") at every session start, with driver settings and capabilities and no
 * vehicle state; and the rebirth request on {@code down/session}, which makes the car log in afresh
 * within its boot.
 */
public final class SessionService implements VehicleService {

    private final ServiceChannel channel;
    private final VehicleProfile profile;
    private final Runnable rebirth;

    /**
     * @param rebirth starts a fresh session within the boot (the login and what follows it); on the lane
     */
    public SessionService(ServiceChannel channel, VehicleProfile profile, Runnable rebirth) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.rebirth = Objects.requireNonNull(rebirth, "rebirth");
    }

    @Override
    public Service service() {
        return Service.LOGIN;
    }

    @Override
    public CompletableFuture<Void> sessionStarted(Instant now) {
        return channel.send(login(profile, channel.settings()), now);
    }

    @Override
    public void downlink(DownlinkEnvelope message, Instant now) {
        if (message.hasRebirthRequest()) {
            rebirth.run();
        }
    }

    /** The session login: driver settings and capabilities; no vehicle state. */
    static UplinkEnvelope login(VehicleProfile profile, DriverSettings settings) {
        Login.Builder login = Login.newBuilder()
                .setSettings(settings(settings))
                .setCapabilities(Capabilities.newBuilder()
                        .setLiveDiagnosis(profile.liveDiagnosis())
                        .setOnlineSoftwareUpdate(true)
                        .setOnlineMapUpdate(true));
        return UplinkEnvelope.newBuilder().setLogin(login).build();
    }

    static io.pcmsim.proto.v1.DriverSettings settings(DriverSettings settings) {
        io.pcmsim.proto.v1.DriverSettings.Builder wire = io.pcmsim.proto.v1.DriverSettings.newBuilder()
                .setPrivacyMode(settings.privacyMode())
                .setGroupWithLocationEnabled(!settings.totalShutdown() && settings.groupEnabled(ServiceGroup.WITH_LOCATION))
                .setGroupWithoutLocationEnabled(
                        !settings.totalShutdown() && settings.groupEnabled(ServiceGroup.WITHOUT_LOCATION));
        for (Service service : Service.values()) {
            if (!service.isSession() && (settings.totalShutdown() || !settings.serviceEnabled(service))) {
                wire.addDisabledServices(service.topicName());
            }
        }
        return wire.build();
    }
}
