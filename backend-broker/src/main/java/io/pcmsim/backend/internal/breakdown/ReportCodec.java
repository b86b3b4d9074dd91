package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.breakdown.BreakdownData;
import io.pcmsim.backend.breakdown.CarLocation;
import io.pcmsim.backend.breakdown.Diagnosis;
import io.pcmsim.proto.v1.BreakdownReport;
import io.pcmsim.proto.v1.Location;
import io.pcmsim.protocol.UplinkCodec;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.Optional;

/** From a stored {@code BreakdownReport} body to the API's {@link BreakdownData}. Stateless. */
final class ReportCodec {

    private ReportCodec() {
    }

    static Optional<CarLocation> location(BreakdownReport report) {
        if (!report.hasLocation()) {
            return Optional.empty();
        }
        Location l = report.getLocation();
        return Optional.of(new CarLocation(l.getLatitude(), l.getLongitude(), l.getHeadingDeg(), l.getSpeedKmh(),
                l.getHorizontalAccuracyM(), Instant.ofEpochMilli(l.getFixTimeMs())));
    }

    /**
     * The stored report as data; with the live diagnosis from {@code knowledge} when {@code diagnose}.
     *
     * @throws IllegalStateException when the stored bytes are not a report (they were one when stored)
     */
    static BreakdownData data(byte[] stored, Instant receivedAt, Instant vehicleTime, boolean diagnose,
            KnowledgeBase knowledge) {
        BreakdownReport report;
        try {
            report = BreakdownReport.parseFrom(stored);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored breakdown report does not decode: " + e.getMessage(), e);
        }
        return new BreakdownData(receivedAt, vehicleTime, report.getModelCode(),
                UplinkCodec.reportedState(report.getState()), report.getFaultLogList(), location(report),
                report.getRecentTrackList().stream().map(p -> new CarLocation.TrackPoint(p.getLatitude(),
                        p.getLongitude(), Instant.ofEpochMilli(p.getTimeMs()))).toList(),
                diagnose ? Optional.of(diagnosis(knowledge.diagnose(report.getFaultLogList()))) : Optional.empty());
    }

    static Diagnosis diagnosis(LiveDiagnosis live) {
        return new Diagnosis(live.faults().stream().map(f -> new Diagnosis.Fault(f.entry(), f.code(),
                Optional.ofNullable(f.known()).map(TroubleCode::title),
                Optional.ofNullable(f.known()).map(TroubleCode::system),
                Optional.ofNullable(f.known()).map(TroubleCode::severity))).toList(),
                live.severity(), live.drivable().name(), live.recommendedActions());
    }
}
