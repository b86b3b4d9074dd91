package io.pcmsim.backend.internal.softwareupdate;

import io.pcmsim.backend.internal.softwareupdate.CampaignRows.StoredRelease;
import io.pcmsim.backend.softwareupdate.Campaign;
import io.pcmsim.backend.softwareupdate.CampaignState;
import io.pcmsim.backend.softwareupdate.Release;
import io.pcmsim.backend.softwareupdate.UpdateRecord;
import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.proto.v1.SoftwareUpdateAnswer;
import io.pcmsim.proto.v1.SoftwareUpdateAnswer.Result;
import io.pcmsim.proto.v1.UpdateOffer;
import io.pcmsim.protocol.Vin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to a car's query: {@code NOT_ENTITLED} without a linked user and a valid connectivity package;
 * else the first running campaign of its model that it qualifies for and whose open wave has room (or that
 * offered it the update already and has no final answer from it), else {@code NO_UPDATE}.
 */
final class Offers {

    /** States after which a car is offered the campaign's update again at its next query. */
    private static final Set<String> OPEN = Set.of("OFFERED", "DEFERRED", "ACCEPTED", "DOWNLOADING", "DOWNLOADED",
            "INSTALLING");

    private final ReleaseCache releases;

    Offers(ReleaseCache releases) {
        this.releases = releases;
    }

    SoftwareUpdateAnswer.Builder answer(Connection c, Vin vin, String queryId, String modelCode,
            Map<String, String> installed, Instant now) throws SQLException {
        SoftwareUpdateAnswer.Builder answer = SoftwareUpdateAnswer.newBuilder().setQueryId(queryId);
        if (!RecordRows.entitled(c, vin, now)) {
            return answer.setResult(Result.NOT_ENTITLED);
        }
        for (Campaign campaign : CampaignRows.campaigns(c, " WHERE state = 'RUNNING' AND model_code = ?", modelCode)) {
            StoredRelease release = releases.get(c, campaign.releaseId());
            Optional<UpdateRecord> before = RecordRows.record(c, campaign.campaignId(), vin);
            if (before.isPresent()) {
                if (OPEN.contains(before.get().state())) {
                    return answer.setResult(Result.UPDATE_AVAILABLE).setOffer(offer(campaign, release.release()));
                }
                continue;
            }
            if (!qualifies(campaign, release.release(), installed)) {
                continue;
            }
            // in the order of the campaigns: two writers lock the same campaigns in one order
            Optional<Campaign> current = CampaignRows.locked(c, campaign.campaignId());
            if (current.isEmpty() || current.get().state() != CampaignState.RUNNING) {
                continue;
            }
            Optional<Integer> wave = Waves.withRoom(c, current.get());
            if (wave.isPresent()) {
                RecordRows.offer(c, campaign.campaignId(), vin, wave.get(), now);
                return answer.setResult(Result.UPDATE_AVAILABLE).setOffer(offer(campaign, release.release()));
            }
        }
        return answer.setResult(Result.NO_UPDATE);
    }

    private static boolean qualifies(Campaign campaign, Release release, Map<String, String> installed) {
        boolean fromMatches = campaign.fromVersions().entrySet().stream()
                .allMatch(e -> e.getValue().equals(installed.get(e.getKey())));
        boolean hasComponents = installed.keySet().containsAll(release.target().keySet());
        boolean behind = release.target().entrySet().stream()
                .anyMatch(e -> !e.getValue().equals(installed.get(e.getKey())));
        return fromMatches && hasComponents && behind;
    }

    static UpdateOffer offer(Campaign campaign, Release release) {
        UpdateOffer.Builder offer = UpdateOffer.newBuilder().setCampaignId(campaign.campaignId())
                .setModelCode(release.modelCode()).setSizeBytes(release.sizeBytes())
                .setChunkCount(release.chunkCount()).setChunkSize(release.chunkSize())
                .setSha256(release.sha256()).setSignature(release.signature());
        release.target().forEach((component, version) -> offer.addTarget(SoftwareComponent.newBuilder()
                .setComponent(component).setVersion(version)));
        return offer.build();
    }
}
