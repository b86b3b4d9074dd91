package io.pcmsim.backend.softwareupdate;

import java.util.List;
import java.util.Objects;

/** A campaign and its waves, the opened ones. */
public record CampaignProgress(Campaign campaign, List<WaveProgress> waves) {

    public CampaignProgress {
        Objects.requireNonNull(campaign, "campaign");
        waves = List.copyOf(waves);
    }
}
