package io.pcmsim.backend.internal.softwareupdate;

import io.pcmsim.backend.softwareupdate.Campaign;
import io.pcmsim.backend.softwareupdate.CampaignState;
import io.pcmsim.backend.softwareupdate.WaveProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A campaign's waves: which one takes the next car, and when a wave's failures halt the campaign. A wave is full
 * once it offered its size; the next one opens once every car of the full wave has answered (installed, failed,
 * declined or deferred). A wave whose failed share of its results (installed plus failed) exceeds the campaign's
 * threshold, once it has at least the campaign's minimum of results, halts the campaign.
 */
final class Waves {

    private static final Logger LOG = LoggerFactory.getLogger(Waves.class);

    private Waves() {
    }

    /** The wave that takes the next car (opening the next one when due), or empty when none has room now. */
    static Optional<Integer> withRoom(Connection c, Campaign campaign) throws SQLException {
        int wave = campaign.currentWave();
        while (wave < campaign.waveSizes().size()) {
            WaveProgress p = RecordRows.wave(c, campaign.campaignId(), wave, campaign.waveSizes().get(wave));
            if (p.offered() < p.size()) {
                if (wave != campaign.currentWave()) {
                    CampaignRows.update(c, campaign.campaignId(), CampaignState.RUNNING, wave, Optional.empty());
                    LOG.info("campaign {}: wave {} opened", campaign.campaignId(), wave);
                }
                return Optional.of(wave);
            }
            boolean settled = p.installed() + p.failed() + p.declined() + p.deferred() >= p.offered();
            if (!settled) {
                return Optional.empty();
            }
            wave++;
        }
        return Optional.empty();
    }

    /** Halts {@code campaign} when {@code wave}'s failures exceed its threshold; true when it did. */
    static boolean judge(Connection c, Campaign campaign, int wave) throws SQLException {
        if (campaign.state() != CampaignState.RUNNING || wave >= campaign.waveSizes().size()) {
            return false;
        }
        WaveProgress p = RecordRows.wave(c, campaign.campaignId(), wave, campaign.waveSizes().get(wave));
        long results = p.installed() + p.failed();
        if (results < campaign.minResults() || p.failed() <= campaign.failureThreshold() * results) {
            return false;
        }
        String reason = String.format(Locale.ROOT, "wave %d: %d of %d installs failed, over the threshold of %.0f%%",
                wave, p.failed(), results, campaign.failureThreshold() * 100);
        CampaignRows.update(c, campaign.campaignId(), CampaignState.HALTED, campaign.currentWave(), Optional.of(reason));
        LOG.warn("campaign {} halted: {}", campaign.campaignId(), reason);
        return true;
    }
}
