package io.pcmsim.backend.internal.softwareupdate;

import io.pcmsim.backend.internal.downlink.DownlinkPublisher;
import io.pcmsim.backend.internal.service.AfterCommit;
import io.pcmsim.backend.internal.service.DataClass;
import io.pcmsim.backend.internal.service.RetentionPolicy;
import io.pcmsim.backend.internal.service.ServiceHandler;
import io.pcmsim.backend.internal.service.UplinkRecord;
import io.pcmsim.backend.internal.softwareupdate.CampaignRows.StoredRelease;
import io.pcmsim.backend.softwareupdate.Campaign;
import io.pcmsim.backend.softwareupdate.UpdateRecord;
import io.pcmsim.proto.v1.DownlinkEnvelope;
import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.proto.v1.SoftwareUpdateAnswer;
import io.pcmsim.proto.v1.SoftwareUpdateQuery;
import io.pcmsim.proto.v1.SoftwareUpdateStatus;
import io.pcmsim.proto.v1.SoftwareUpdateStatus.State;
import io.pcmsim.proto.v1.UpdateChunk;
import io.pcmsim.proto.v1.UpdateChunkRequest;
import io.pcmsim.proto.v1.UplinkEnvelope;
import io.pcmsim.protocol.Service;
import io.pcmsim.protocol.Vin;
import com.google.protobuf.ByteString;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online software update: a query stores the versions the car reported and is answered after the entitlement
 * check ({@link Offers}); a status moves the car's update record (and, installed, its versions) and may halt the
 * campaign ({@link Waves}); a chunk request of a car that accepted is answered with those chunks. The answers
 * and chunks go out once the batch committed.
 *
 * <p>Retention: {@link SoftwareUpdateRetention}.
 */
public final class SoftwareUpdateHandler implements ServiceHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SoftwareUpdateHandler.class);
    /** Chunks sent for one request at most. */
    static final int MAX_CHUNKS_PER_REQUEST = 64;
    private static final Set<State> ACCEPTED = Set.of(State.ACCEPTED, State.DOWNLOADING, State.DOWNLOADED,
            State.INSTALLING, State.INSTALLED);

    private final DownlinkPublisher downlinks;
    private final ReleaseCache releases;
    private final Offers offers;
    private final AtomicLong notEntitled;

    SoftwareUpdateHandler(DownlinkPublisher downlinks, ReleaseCache releases, AtomicLong notEntitled) {
        this.downlinks = downlinks;
        this.releases = releases;
        this.offers = new Offers(releases);
        this.notEntitled = notEntitled;
    }

    @Override
    public Service service() {
        return Service.SOFTWARE_UPDATE;
    }

    @Override
    public Set<UplinkEnvelope.BodyCase> bodies() {
        return Set.of(UplinkEnvelope.BodyCase.SOFTWARE_UPDATE_QUERY, UplinkEnvelope.BodyCase.SOFTWARE_UPDATE_STATUS,
                UplinkEnvelope.BodyCase.UPDATE_CHUNK_REQUEST);
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/softwareupdate";
    }

    @Override
    public RetentionPolicy retention() {
        return SoftwareUpdateRetention.POLICY;
    }

    @Override
    public List<DataClass> dataClasses() {
        return List.of(SoftwareUpdateRetention.dataClass());
    }

    @Override
    public void store(Connection connection, List<UplinkRecord> records, Instant backendTime, AfterCommit afterCommit)
            throws SQLException {
        for (UplinkRecord r : records) {
            Vin vin = r.header().vin();
            UplinkEnvelope envelope = r.envelope();
            switch (envelope.getBodyCase()) {
                case SOFTWARE_UPDATE_QUERY -> query(connection, vin, envelope.getSoftwareUpdateQuery(), backendTime,
                        afterCommit);
                case SOFTWARE_UPDATE_STATUS -> status(connection, vin, envelope.getSoftwareUpdateStatus(), backendTime);
                case UPDATE_CHUNK_REQUEST -> chunks(connection, vin, envelope.getUpdateChunkRequest(), afterCommit);
                default -> LOG.info("{}: {} is no software update body; kept as raw message only", vin,
                        envelope.getBodyCase());
            }
        }
    }

    private void query(Connection c, Vin vin, SoftwareUpdateQuery query, Instant now, AfterCommit afterCommit)
            throws SQLException {
        Map<String, String> installed = versions(query.getInstalledList());
        RecordRows.reportInstalled(c, vin, installed, now);
        SoftwareUpdateAnswer.Builder answer = offers.answer(c, vin, query.getQueryId(), query.getModelCode(),
                installed, now);
        if (answer.getResult() == SoftwareUpdateAnswer.Result.NOT_ENTITLED) {
            notEntitled.incrementAndGet();
        }
        send(afterCommit, vin, DownlinkEnvelope.newBuilder().setSoftwareUpdateAnswer(answer));
    }

    private void status(Connection c, Vin vin, SoftwareUpdateStatus status, Instant now) throws SQLException {
        Optional<UpdateRecord> record = RecordRows.record(c, status.getCampaignId(), vin);
        if (record.isEmpty()) {
            LOG.info("{}: status {} for campaign [{}] that offered it nothing; kept as raw message only", vin,
                    status.getState(), status.getCampaignId());
            return;
        }
        Optional<String> reason = status.getFailureReason().isEmpty() ? Optional.empty()
                : Optional.of(status.getFailureReason());
        RecordRows.state(c, status.getCampaignId(), vin, status.getState().name(),
                ACCEPTED.contains(status.getState()), reason, now);
        if (status.getState() == State.INSTALLED) {
            RecordRows.reportInstalled(c, vin, versions(status.getInstalledList()), now);
        }
        if (status.getState() == State.INSTALLED || status.getState() == State.FAILED) {
            Optional<Campaign> campaign = CampaignRows.locked(c, status.getCampaignId());
            if (campaign.isPresent()) {
                Waves.judge(c, campaign.get(), record.get().wave());
            }
        }
    }

    private void chunks(Connection c, Vin vin, UpdateChunkRequest request, AfterCommit afterCommit)
            throws SQLException {
        Optional<Campaign> campaign = CampaignRows.campaign(c, request.getCampaignId());
        Optional<UpdateRecord> record = RecordRows.record(c, request.getCampaignId(), vin);
        if (campaign.isEmpty() || record.isEmpty() || !"ACCEPTED".equals(record.get().state())
                && !"DOWNLOADING".equals(record.get().state())) {
            LOG.info("{}: chunk request for campaign [{}] it has not accepted; nothing sent", vin,
                    request.getCampaignId());
            return;
        }
        StoredRelease release = releases.get(c, campaign.get().releaseId());
        byte[] bytes = releases.bytes(release);
        int end = (int) Math.min(release.release().chunkCount(),
                (long) request.getFromIndex() + Math.min(request.getCount(), MAX_CHUNKS_PER_REQUEST));
        for (int i = request.getFromIndex(); i < end; i++) {
            send(afterCommit, vin, DownlinkEnvelope.newBuilder().setUpdateChunk(UpdateChunk.newBuilder()
                    .setCampaignId(request.getCampaignId()).setIndex(i)
                    .setData(ByteString.copyFrom(Packages.chunk(bytes, release.release().chunkSize(), i)))));
        }
    }

    private static Map<String, String> versions(List<SoftwareComponent> components) {
        Map<String, String> versions = new TreeMap<>();
        components.forEach(s -> versions.put(s.getComponent(), s.getVersion()));
        return versions;
    }

    private void send(AfterCommit afterCommit, Vin vin, DownlinkEnvelope.Builder body) {
        afterCommit.add(() -> downlinks.send(vin, body).exceptionally(e -> {
            LOG.info("{}: software update downlink not sent: {}", vin, e.getMessage());
            return null;
        }));
    }
}
