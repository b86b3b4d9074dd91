package io.pcmsim.backend.internal.softwareupdate;

import io.pcmsim.backend.internal.downlink.DownlinkPublisher;
import io.pcmsim.backend.internal.softwareupdate.CampaignRows.StoredRelease;
import io.pcmsim.backend.internal.storage.Database;
import io.pcmsim.backend.internal.smartservice.Tx;
import io.pcmsim.backend.softwareupdate.Campaign;
import io.pcmsim.backend.softwareupdate.CampaignProgress;
import io.pcmsim.backend.softwareupdate.CampaignRequest;
import io.pcmsim.backend.softwareupdate.CampaignState;
import io.pcmsim.backend.softwareupdate.Release;
import io.pcmsim.backend.softwareupdate.ReleaseRequest;
import io.pcmsim.backend.softwareupdate.SoftwareUpdateCounts;
import io.pcmsim.backend.softwareupdate.SoftwareUpdates;
import io.pcmsim.backend.softwareupdate.UpdateRecord;
import io.pcmsim.backend.softwareupdate.WaveProgress;
import io.pcmsim.protocol.Vin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator side of online software update, and the owner of its {@link SoftwareUpdateHandler}. The release
 * key is read (or generated) from the key folder at the first use. Thread-safe.
 */
public final class SoftwareUpdateCenter implements SoftwareUpdates {

    private final Database database;
    private final Clock clock;
    private final Path keyFolder;
    private final ReleaseCache releases = new ReleaseCache();
    private final AtomicLong notEntitled = new AtomicLong();
    private final SoftwareUpdateHandler handler;
    private volatile ReleaseKey key;

    public SoftwareUpdateCenter(Database database, DownlinkPublisher downlinks, Clock clock, Path keyFolder) {
        this.database = database;
        this.clock = clock;
        this.keyFolder = keyFolder;
        this.handler = new SoftwareUpdateHandler(downlinks, releases, notEntitled);
    }

    /** The handler to register with the backend. */
    public SoftwareUpdateHandler handler() {
        return handler;
    }

    private ReleaseKey key() {
        ReleaseKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = ReleaseKey.inFolder(keyFolder);
                }
                k = key;
            }
        }
        return k;
    }

    @Override
    public Release createRelease(ReleaseRequest request) {
        String id = UUID.randomUUID().toString();
        long seed = new SplittableRandom(id.hashCode()).nextLong();
        byte[] bytes = new byte[request.sizeBytes()];
        new SplittableRandom(seed).nextBytes(bytes);
        Release release = new Release(id, request.modelCode(), request.target(), request.sizeBytes(),
                request.chunkSize(), Packages.chunkCount(request.sizeBytes(), request.chunkSize()),
                Packages.sha256(bytes), key().sign(bytes), clock.instant());
        return write("create release " + id, c -> {
            CampaignRows.insert(c, new StoredRelease(release, seed));
            return release;
        });
    }

    @Override
    public List<Release> releases() {
        return read("list releases", c -> CampaignRows.releases(c, Optional.empty()).stream()
                .map(StoredRelease::release).toList());
    }

    @Override
    public Campaign createCampaign(CampaignRequest request) {
        return write("create a campaign", c -> {
            Release release = releases.get(c, request.releaseId()).release();
            Campaign campaign = new Campaign(UUID.randomUUID().toString(), release.releaseId(), release.modelCode(),
                    request.fromVersions(), request.waveSizes(), request.failureThreshold(), request.minResults(),
                    CampaignState.RUNNING, 0, Optional.empty(), clock.instant());
            CampaignRows.insert(c, campaign);
            return campaign;
        });
    }

    @Override
    public List<Campaign> campaigns() {
        return read("list campaigns", c -> CampaignRows.campaigns(c, ""));
    }

    @Override
    public Optional<CampaignProgress> progress(String campaignId) {
        return read("read campaign " + campaignId, c -> {
            Optional<Campaign> campaign = CampaignRows.campaign(c, campaignId);
            if (campaign.isEmpty()) {
                return Optional.empty();
            }
            List<WaveProgress> waves = new ArrayList<>();
            List<Integer> sizes = campaign.get().waveSizes();
            for (int w = 0; w <= Math.min(campaign.get().currentWave(), sizes.size() - 1); w++) {
                waves.add(RecordRows.wave(c, campaignId, w, sizes.get(w)));
            }
            return Optional.of(new CampaignProgress(campaign.get(), waves));
        });
    }

    @Override
    public Campaign halt(String campaignId, String reason) {
        String why = reason.isBlank() ? "halted by the operator" : reason.strip();
        return write("halt campaign " + campaignId, c -> {
            Campaign campaign = existing(c, campaignId);
            if (campaign.state() == CampaignState.RUNNING) {
                CampaignRows.update(c, campaignId, CampaignState.HALTED, campaign.currentWave(),
                        Optional.of(why.length() > 200 ? why.substring(0, 200) : why));
            }
            return existing(c, campaignId);
        });
    }

    @Override
    public Campaign resume(String campaignId) {
        return write("resume campaign " + campaignId, c -> {
            Campaign campaign = existing(c, campaignId);
            if (campaign.state() == CampaignState.HALTED) {
                int next = Math.min(campaign.currentWave() + 1, campaign.waveSizes().size() - 1);
                CampaignRows.update(c, campaignId, CampaignState.RUNNING, next, Optional.empty());
            }
            return existing(c, campaignId);
        });
    }

    @Override
    public String releasePublicKeyPem() {
        return key().publicPem();
    }

    @Override
    public Map<String, String> installedSoftware(Vin vin) {
        return read("read the software of " + vin, c -> RecordRows.installed(c, vin));
    }

    @Override
    public List<UpdateRecord> records(Vin vin) {
        return read("read the update records of " + vin, c -> RecordRows.records(c, " WHERE vin = ?", vin.value()));
    }

    @Override
    public SoftwareUpdateCounts counts() {
        return read("count software updates", c -> {
            Map<String, Long> byState = RecordRows.byState(c);
            List<Campaign> campaigns = CampaignRows.campaigns(c, "");
            long waves = campaigns.stream().mapToLong(k -> k.currentWave() + 1L).sum();
            long halted = campaigns.stream().filter(k -> k.state() == CampaignState.HALTED).count();
            return new SoftwareUpdateCounts(byState.values().stream().mapToLong(Long::longValue).sum(),
                    byState.getOrDefault("INSTALLED", 0L), byState.getOrDefault("FAILED", 0L),
                    byState.getOrDefault("DECLINED", 0L), byState.getOrDefault("DEFERRED", 0L), notEntitled.get(),
                    waves, halted);
        });
    }

    private static Campaign existing(Connection c, String campaignId) throws SQLException {
        return CampaignRows.campaign(c, campaignId).orElseThrow(() -> new IllegalArgumentException(
                "no campaign has the id [" + campaignId + "]"));
    }

    private <T> T read(String what, Tx.Work<T> work) {
        return Tx.read(database, what, work);
    }

    private <T> T write(String what, Tx.Work<T> work) {
        return Tx.write(database, what, work);
    }
}
