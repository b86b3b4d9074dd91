package io.pcmsim.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pcmsim.proto.v1.Header;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.proto.v1.VehicleState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Maps between wire messages of schema v1 and domain values. Stateless and thread-safe.
 */
public final class UplinkCodec {

    /** Schema version this codec writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private UplinkCodec() {
    }

    public static Header header(UplinkHeader header) {
        return Header.newBuilder()
                .setVin(header.vin().value())
                .setBootId(header.bootId())
                .setSequence(header.sequence())
                .setVehicleTimeMs(header.vehicleTime().toEpochMilli())
                .setSchemaVersion(SCHEMA_VERSION)
                .build();
    }

    /**
     * Reads the domain header of a wire header.
     *
     * @throws InvalidVinException if the header's VIN is not valid
     */
    public static UplinkHeader header(Header header) {
        return new UplinkHeader(Vin.of(header.getVin()), header.getBootId(), header.getSequence(),
                Instant.ofEpochMilli(header.getVehicleTimeMs()));
    }

    /** The wire state of {@code s}; an empty reading is left unset. */
    public static VehicleState state(VehicleSnapshot s) {
        VehicleState.Builder b = VehicleState.newBuilder()
                .setOdometerKm(s.odometerKm())
                .setOperatingHours(s.operatingHours())
                .setBrakePadWearFrontLeftPercent(s.brakePadWearPercent().frontLeft())
                .setBrakePadWearFrontRightPercent(s.brakePadWearPercent().frontRight())
                .setBrakePadWearRearLeftPercent(s.brakePadWearPercent().rearLeft())
                .setBrakePadWearRearRightPercent(s.brakePadWearPercent().rearRight())
                .setLowVoltageBatteryVoltage(s.lowVoltageBatteryVolts())
                .setTirePressureFrontLeftKpa(s.tirePressureKpa().frontLeft())
                .setTirePressureFrontRightKpa(s.tirePressureKpa().frontRight())
                .setTirePressureRearLeftKpa(s.tirePressureKpa().rearLeft())
                .setTirePressureRearRightKpa(s.tirePressureKpa().rearRight())
                .setTirePressureNominalKpa(s.tirePressureNominalKpa())
                .setDistanceToServiceKm(s.distanceToServiceKm())
                .setTimeToServiceS(s.timeToService().toSeconds())
                .addAllDtc(s.dtcs());
        s.engineOilLifePercent().ifPresent(b::setEngineOilLifePercent);
        MoreReadings m = s.more();
        m.engineOilLevelPercent().ifPresent(b::setEngineOilLevelPercent);
        m.brakeFluidAgeDays().ifPresent(b::setBrakeFluidAgeDays);
        m.lowVoltageBatteryChargePercent().ifPresent(b::setLowVoltageBatteryStateOfChargePercent);
        m.lowVoltageBatteryHealthPercent().ifPresent(b::setLowVoltageBatteryStateOfHealthPercent);
        m.highVoltageBatteryChargePercent().ifPresent(b::setHighVoltageBatteryStateOfChargePercent);
        m.highVoltageBatteryHealthPercent().ifPresent(b::setHighVoltageBatteryStateOfHealthPercent);
        m.washerFluidPercent().ifPresent(b::setWasherFluidLevelPercent);
        return b.addAllWarnings(m.warnings()).build();
    }

    /**
     * The state as the car reported it: a reading the car left unset is absent, never 0.
     */
    public static ReportedState reportedState(VehicleState s) {
        return new ReportedState(
                s.hasOdometerKm() ? OptionalDouble.of(s.getOdometerKm()) : OptionalDouble.empty(),
                s.hasOperatingHours() ? OptionalDouble.of(s.getOperatingHours()) : OptionalDouble.empty(),
                s.hasEngineOilLifePercent() ? OptionalDouble.of(s.getEngineOilLifePercent()) : OptionalDouble.empty(),
                new WheelReadings(
                        s.hasBrakePadWearFrontLeftPercent() ? OptionalDouble.of(s.getBrakePadWearFrontLeftPercent()) : OptionalDouble.empty(),
                        s.hasBrakePadWearFrontRightPercent() ? OptionalDouble.of(s.getBrakePadWearFrontRightPercent()) : OptionalDouble.empty(),
                        s.hasBrakePadWearRearLeftPercent() ? OptionalDouble.of(s.getBrakePadWearRearLeftPercent()) : OptionalDouble.empty(),
                        s.hasBrakePadWearRearRightPercent() ? OptionalDouble.of(s.getBrakePadWearRearRightPercent()) : OptionalDouble.empty()),
                s.hasLowVoltageBatteryVoltage() ? OptionalDouble.of(s.getLowVoltageBatteryVoltage()) : OptionalDouble.empty(),
                new WheelReadings(
                        s.hasTirePressureFrontLeftKpa() ? OptionalDouble.of(s.getTirePressureFrontLeftKpa()) : OptionalDouble.empty(),
                        s.hasTirePressureFrontRightKpa() ? OptionalDouble.of(s.getTirePressureFrontRightKpa()) : OptionalDouble.empty(),
                        s.hasTirePressureRearLeftKpa() ? OptionalDouble.of(s.getTirePressureRearLeftKpa()) : OptionalDouble.empty(),
                        s.hasTirePressureRearRightKpa() ? OptionalDouble.of(s.getTirePressureRearRightKpa()) : OptionalDouble.empty()),
                s.hasTirePressureNominalKpa() ? OptionalDouble.of(s.getTirePressureNominalKpa()) : OptionalDouble.empty(),
                s.hasDistanceToServiceKm() ? OptionalDouble.of(s.getDistanceToServiceKm()) : OptionalDouble.empty(),
                s.hasTimeToServiceS() ? Optional.of(Duration.ofSeconds(s.getTimeToServiceS())) : Optional.empty(),
                s.getDtcList(),
                more(s));
    }

    private static MoreReadings more(VehicleState s) {
        return new MoreReadings(
                s.hasEngineOilLevelPercent() ? OptionalDouble.of(s.getEngineOilLevelPercent()) : OptionalDouble.empty(),
                s.hasBrakeFluidAgeDays() ? OptionalDouble.of(s.getBrakeFluidAgeDays()) : OptionalDouble.empty(),
                s.hasLowVoltageBatteryStateOfChargePercent()
                        ? OptionalDouble.of(s.getLowVoltageBatteryStateOfChargePercent()) : OptionalDouble.empty(),
                s.hasLowVoltageBatteryStateOfHealthPercent()
                        ? OptionalDouble.of(s.getLowVoltageBatteryStateOfHealthPercent()) : OptionalDouble.empty(),
                s.hasHighVoltageBatteryStateOfChargePercent()
                        ? OptionalDouble.of(s.getHighVoltageBatteryStateOfChargePercent()) : OptionalDouble.empty(),
                s.hasHighVoltageBatteryStateOfHealthPercent()
                        ? OptionalDouble.of(s.getHighVoltageBatteryStateOfHealthPercent()) : OptionalDouble.empty(),
                s.hasWasherFluidLevelPercent() ? OptionalDouble.of(s.getWasherFluidLevelPercent()) : OptionalDouble.empty(),
                s.getWarningsList());
    }

    /**
     * Parses an uplink payload.
     *
     * @throws MalformedPayloadException if the bytes are not an {@link UplinkEnvelope}
     */
    public static UplinkEnvelope parse(byte[] payload) {
        try {
            return UplinkEnvelope.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedPayloadException("payload of " + payload.length
                    + " bytes is not a pcm.v1.UplinkEnvelope: " + e.getMessage(), e);
        }
    }
}
