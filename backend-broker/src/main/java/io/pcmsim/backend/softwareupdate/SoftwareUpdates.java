package io.pcmsim.backend.softwareupdate;

import io.pcmsim.protocol.Vin;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Online software update for its operators. Thread-safe; each call is its own transaction on the backend's
 * database. Usable once the backend has started.
 */
public interface SoftwareUpdates {

    /** Builds a release: generates its package, hashes it and signs it with the release key. */
    Release createRelease(ReleaseRequest request);

    /** Every release, oldest first. */
    List<Release> releases();

    /**
     * Starts a campaign in its first wave.
     *
     * @throws IllegalArgumentException when no release has the request's id
     */
    Campaign createCampaign(CampaignRequest request);

    /** Every campaign, oldest first. */
    List<Campaign> campaigns();

    /** The campaign with this id and its opened waves, if there is one. */
    Optional<CampaignProgress> progress(String campaignId);

    /**
     * Stops offering the campaign's update; downloads in progress go on. Idempotent.
     *
     * @throws IllegalArgumentException when no campaign has this id
     */
    Campaign halt(String campaignId, String reason);

    /**
     * Offers again, in the wave after the one that was open when it halted (the operator has judged the
     * failures). No effect on a running campaign.
     *
     * @throws IllegalArgumentException when no campaign has this id
     */
    Campaign resume(String campaignId);

    /** The release public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509, Ed25519): what cars trust. */
    String releasePublicKeyPem();

    /** The versions {@code vin} reported last, component to version; empty when it never reported. */
    Map<String, String> installedSoftware(Vin vin);

    /** {@code vin}'s update records, oldest offer first. */
    List<UpdateRecord> records(Vin vin);

    /** Counts for a status line; a few aggregate queries. */
    SoftwareUpdateCounts counts();
}
