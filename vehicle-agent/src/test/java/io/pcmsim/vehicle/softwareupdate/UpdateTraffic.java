package io.pcmsim.vehicle.softwareupdate;

import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.SoftwareUpdateAnswer;
import io.pcmsim.proto.v1.SoftwareUpdateStatus;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.testing.RecordingBroker;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;

/** What crossed the broker for one car's software update, as the recording subscriber saw it. */
final class UpdateTraffic {

    private final RecordingBroker broker;

    UpdateTraffic(RecordingBroker broker) {
        this.broker = broker;
    }

    List<UplinkEnvelope> uplinks(EmulatedVehicle car) {
        return broker.uplinks(car.vin().value()).stream().filter(r -> r.topic().endsWith("/up/software-update"))
                .map(RecordingBroker.Received::envelope).toList();
    }

    List<SoftwareUpdateStatus> statuses(EmulatedVehicle car) {
        return uplinks(car).stream().filter(UplinkEnvelope::hasSoftwareUpdateStatus)
                .map(UplinkEnvelope::getSoftwareUpdateStatus).toList();
    }

    List<SoftwareUpdateAnswer> answers(EmulatedVehicle car) {
        return broker.received().stream()
                .filter(r -> r.topic().endsWith(car.vin().value() + "/down/software-update"))
                .map(r -> parse(r.payload())).filter(DownlinkEnvelope::hasSoftwareUpdateAnswer)
                .map(DownlinkEnvelope::getSoftwareUpdateAnswer).toList();
    }

    private static DownlinkEnvelope parse(byte[] payload) {
        try {
            return DownlinkEnvelope.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("a downlink that is no DownlinkEnvelope: " + e.getMessage(), e);
        }
    }
}
