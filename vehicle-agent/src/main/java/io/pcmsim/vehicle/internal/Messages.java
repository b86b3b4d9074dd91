package io.pcmsim.vehicle.internal;

import io.pcmsim.proto.v1.Capabilities;
import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.MapVersion;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.ServiceGroup;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.vehicle.model.VehicleProfile;
import io.pcmsim.vehicle.privacy.DriverSettings;
import java.util.List;

/** Builds the wire bodies a vehicle sends (envelopes without header). Stateless. */
public final class Messages {

    private Messages() {
    }

    /** The login ("birth"): full snapshot, software and map versions, settings, capabilities, model. */
    public static UplinkEnvelope login(VehicleProfile profile, VehicleSnapshot state, DriverSettings settings) {
        Login.Builder login = Login.newBuilder()
                .setState(UplinkCodec.state(state))
                .setSettings(settings(settings))
                .setCapabilities(Capabilities.newBuilder()
                        .setLiveDiagnosis(profile.liveDiagnosis())
                        .setOnlineSoftwareUpdate(true)
                        .setOnlineMapUpdate(true))
                .setModelCode(profile.modelLine().modelCode())
                .setModelYear(profile.modelYear());
        profile.software().forEach(s -> login.addSoftware(
                SoftwareComponent.newBuilder().setComponent(s.name()).setVersion(s.version())));
        profile.maps().forEach(m -> login.addMaps(MapVersion.newBuilder().setRegion(m.name()).setVersion(m.version())));
        return UplinkEnvelope.newBuilder().setLogin(login).build();
    }

    public static UplinkEnvelope smartService(SmartServiceReport.Trigger trigger, List<String> crossed,
            VehicleSnapshot state) {
        return UplinkEnvelope.newBuilder().setSmartService(SmartServiceReport.newBuilder()
                .setTrigger(trigger)
                .addAllCrossedThresholds(crossed)
                .setState(UplinkCodec.state(state))).build();
    }

    static io.pcmsim.proto.v1.DriverSettings settings(DriverSettings settings) {
        io.pcmsim.proto.v1.DriverSettings.Builder wire = io.pcmsim.proto.v1.DriverSettings.newBuilder()
                .setPrivacyMode(settings.privacyMode())
                .setGroupWithLocationEnabled(!settings.totalShutdown() && settings.groupEnabled(ServiceGroup.WITH_LOCATION))
                .setGroupWithoutLocationEnabled(
                        !settings.totalShutdown() && settings.groupEnabled(ServiceGroup.WITHOUT_LOCATION));
        for (Service service : Service.values()) {
            if (settings.totalShutdown() || !settings.serviceEnabled(service)) {
                wire.addDisabledServices(service.topicName());
            }
        }
        return wire.build();
    }
}
