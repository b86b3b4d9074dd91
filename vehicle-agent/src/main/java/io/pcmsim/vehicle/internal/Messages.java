package io.pcmsim.vehicle.internal;

import io.pcmsim.proto.v1.Capabilities;
import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.SmartServiceReport;
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

    /** The session login ("birth"): driver settings and capabilities; no vehicle state. */
    public static UplinkEnvelope login(VehicleProfile profile, DriverSettings settings) {
        Login.Builder login = Login.newBuilder()
                .setSettings(settings(settings))
                .setCapabilities(Capabilities.newBuilder()
                        .setLiveDiagnosis(profile.liveDiagnosis())
                        .setOnlineSoftwareUpdate(true)
                        .setOnlineMapUpdate(true));
        return UplinkEnvelope.newBuilder().setLogin(login).build();
    }

    /** A Smart Service report with the state and the model the backend's rules need. */
    public static UplinkEnvelope smartService(VehicleProfile profile, SmartServiceReport.Trigger trigger,
            List<String> crossed, VehicleSnapshot state) {
        return UplinkEnvelope.newBuilder().setSmartService(SmartServiceReport.newBuilder()
                .setTrigger(trigger)
                .addAllCrossedThresholds(crossed)
                .setState(UplinkCodec.state(state))
                .setModelCode(profile.modelLine().modelCode())
                .setModelYear(profile.modelYear())).build();
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
