package io.pcmsim.backend.testing;

import io.pcmsim.proto.v1.BreakdownReport;
import io.pcmsim.proto.v1.Header;
import io.pcmsim.proto.v1.Location;
import io.pcmsim.proto.v1.TrackPoint;
import io.pcmsim.proto.v1.Login;
import io.pcmsim.proto.v1.ManualEvent;
import io.pcmsim.proto.v1.SmartServiceReport;
import io.pcmsim.proto.v1.Capabilities;
import io.pcmsim.proto.v1.DriverSettings;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.UplinkCodec;
import io.pcmsim.protocol.UplinkHeader;
import io.pcmsim.protocol.VehicleSnapshot;
import io.pcmsim.protocol.Vin;
import io.pcmsim.protocol.Wheels;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Hand-built uplink envelopes and VINs for tests. */
public final class Uplinks {

    private static final String VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final Random RANDOM = new SecureRandom();

    private Uplinks() {
    }

    /** A random valid European VIN ({@code WP0ZZZ99Z} + 8 random characters), unique for practical purposes. */
    public static Vin randomVin() {
        StringBuilder sb = new StringBuilder("WP0ZZZ99Z");
        for (int i = 0; i < 8; i++) {
            sb.append(VIN_ALPHABET.charAt(RANDOM.nextInt(VIN_ALPHABET.length())));
        }
        return Vin.of(sb.toString());
    }

    /** {@code count} distinct random VINs. */
    public static List<Vin> randomVins(int count) {
        return java.util.stream.Stream.generate(Uplinks::randomVin).distinct().limit(count).toList();
    }

    /** A healthy car: nothing due. */
    public static VehicleSnapshot healthyState(double odometerKm) {
        return new VehicleSnapshot(odometerKm, odometerKm / 50, 80, Wheels.all(20), 12.6, Wheels.all(250), 250,
                12_000, Duration.ofDays(200), List.of());
    }

    /** A car whose front-left pad is 91 % worn (HIGH) and whose oil has 12 % left (MEDIUM). */
    public static VehicleSnapshot wornState(double odometerKm) {
        return new VehicleSnapshot(odometerKm, odometerKm / 50, 12, new Wheels(91, 60, 40, 40), 12.6,
                Wheels.all(250), 250, 12_000, Duration.ofDays(200), List.of());
    }

    /** Vehicle time 2026-06-01T10:00Z + boot id hours + sequence seconds: later boots are later in time. */
    public static Header header(Vin vin, long bootId, long sequence) {
        return header(vin, bootId, sequence, Instant.parse("2026-06-01T10:00:00Z").plus(Duration.ofHours(bootId))
                .plusSeconds(sequence));
    }

    public static Header header(Vin vin, long bootId, long sequence, Instant vehicleTime) {
        return UplinkCodec.header(new UplinkHeader(vin, bootId, sequence, vehicleTime));
    }

    /** A session login: every service allowed, live diagnosis capable; no state. */
    public static UplinkEnvelope login(Vin vin, long bootId, long sequence) {
        return UplinkEnvelope.newBuilder()
                .setHeader(header(vin, bootId, sequence))
                .setLogin(Login.newBuilder()
                        .setSettings(DriverSettings.newBuilder()
                                .setGroupWithLocationEnabled(true).setGroupWithoutLocationEnabled(true))
                        .setCapabilities(Capabilities.newBuilder().setLiveDiagnosis(true)))
                .build();
    }

    public static UplinkEnvelope smartService(Vin vin, long bootId, long sequence, VehicleSnapshot state) {
        return UplinkEnvelope.newBuilder()
                .setHeader(header(vin, bootId, sequence))
                .setSmartService(SmartServiceReport.newBuilder()
                        .setTrigger(SmartServiceReport.Trigger.PERIODIC)
                        .setState(UplinkCodec.state(state))
                        .setModelCode("992")
                        .setModelYear(2025))
                .build();
    }

    /** A login with every service allowed and live diagnosis as given. */
    public static UplinkEnvelope login(Vin vin, long bootId, long sequence, boolean liveDiagnosis) {
        UplinkEnvelope login = login(vin, bootId, sequence);
        return login.toBuilder().setLogin(login.getLogin().toBuilder()
                .setCapabilities(Capabilities.newBuilder().setLiveDiagnosis(liveDiagnosis))).build();
    }

    /**
     * A breakdown report at {@code latitude, longitude} with two track points and the fault log; for
     * {@code APP_PULL} give the pull request id, else null.
     */
    public static UplinkEnvelope breakdown(Vin vin, long bootId, long sequence, String callId,
            @org.jspecify.annotations.Nullable String pullRequestId, boolean consentAssistance, boolean consentDealer,
            double latitude, double longitude, String... faultLog) {
        Header header = header(vin, bootId, sequence);
        BreakdownReport.Builder report = BreakdownReport.newBuilder()
                .setCallId(callId)
                .setTrigger(pullRequestId == null ? BreakdownReport.Trigger.IN_CAR : BreakdownReport.Trigger.APP_PULL)
                .setPullRequestId(pullRequestId == null ? "" : pullRequestId)
                .setConsentAssistance(consentAssistance).setConsentDealer(consentDealer)
                .setModelCode("992")
                .setState(UplinkCodec.state(healthyState(40_000)))
                .setLocation(Location.newBuilder().setLatitude(latitude).setLongitude(longitude).setHeadingDeg(90)
                        .setSpeedKmh(0).setHorizontalAccuracyM(8).setFixTimeMs(header.getVehicleTimeMs()))
                .addRecentTrack(TrackPoint.newBuilder().setLatitude(latitude - 0.01).setLongitude(longitude)
                        .setTimeMs(header.getVehicleTimeMs() - 60_000))
                .addRecentTrack(TrackPoint.newBuilder().setLatitude(latitude).setLongitude(longitude)
                        .setTimeMs(header.getVehicleTimeMs() - 30_000))
                .addAllFaultLog(List.of(faultLog));
        return UplinkEnvelope.newBuilder().setHeader(header).setBreakdown(report).build();
    }

    public static UplinkEnvelope manual(Vin vin, long bootId, long sequence) {
        return UplinkEnvelope.newBuilder()
                .setHeader(header(vin, bootId, sequence))
                .setManualEvent(ManualEvent.newBuilder().setKind(ManualEvent.Kind.MESSAGE_SHOWN).setMessageCode("W-OIL-LOW"))
                .build();
    }
}
