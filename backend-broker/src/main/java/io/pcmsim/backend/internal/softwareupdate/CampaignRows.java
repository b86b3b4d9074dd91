package io.pcmsim.backend.internal.softwareupdate;

import io.pcmsim.backend.internal.storage.Params;
import io.pcmsim.backend.softwareupdate.Campaign;
import io.pcmsim.backend.softwareupdate.CampaignState;
import io.pcmsim.backend.softwareupdate.Release;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Releases ({@code software_release}) and campaigns ({@code update_campaign}) on a caller's connection. */
final class CampaignRows {

    /** A release with the seed its package is generated from. */
    record StoredRelease(Release release, long contentSeed) {
    }

    private static final String RELEASE = "SELECT release_id, model_code, target, size_bytes, chunk_size, content_seed,"
            + " sha256, signature, created_at FROM software_release";
    private static final String CAMPAIGN = "SELECT campaign_id, release_id, model_code, from_versions, wave_sizes,"
            + " failure_threshold, min_results, state, current_wave, halt_reason, created_at FROM update_campaign";

    private CampaignRows() {
    }

    static void insert(Connection c, StoredRelease stored) throws SQLException {
        Release r = stored.release();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO software_release (release_id, model_code, target,"
                + " size_bytes, chunk_size, content_seed, sha256, signature, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            new Params(ps).string(r.releaseId()).string(r.modelCode()).string(VersionPairs.write(r.target()))
                    .bigint(r.sizeBytes()).bigint(r.chunkSize()).bigint(stored.contentSeed()).string(r.sha256())
                    .string(r.signature()).instant(r.createdAt());
            ps.executeUpdate();
        }
    }

    static List<StoredRelease> releases(Connection c, Optional<String> releaseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RELEASE + (releaseId.isPresent() ? " WHERE release_id = ?"
                : " ORDER BY created_at, release_id"))) {
            if (releaseId.isPresent()) {
                ps.setString(1, releaseId.get());
            }
            List<StoredRelease> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int size = rs.getInt(4);
                    int chunk = rs.getInt(5);
                    found.add(new StoredRelease(new Release(rs.getString(1), rs.getString(2),
                            VersionPairs.read(rs.getString(3)), size, chunk, Packages.chunkCount(size, chunk),
                            rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()),
                            rs.getLong(6)));
                }
            }
            return found;
        }
    }

    static void insert(Connection c, Campaign k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO update_campaign (campaign_id, release_id, model_code,"
                + " from_versions, wave_sizes, failure_threshold, min_results, state, current_wave, halt_reason,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            new Params(ps).string(k.campaignId()).string(k.releaseId()).string(k.modelCode())
                    .string(VersionPairs.write(k.fromVersions()))
                    .string(k.waveSizes().stream().map(String::valueOf).collect(Collectors.joining(",")));
            ps.setDouble(6, k.failureThreshold());
            ps.setInt(7, k.minResults());
            ps.setString(8, k.state().name());
            ps.setInt(9, k.currentWave());
            ps.setString(10, k.haltReason().orElse(null));
            ps.setObject(11, OffsetDateTime.ofInstant(k.createdAt(), java.time.ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** Campaigns, oldest first: all, or those of one id, or the running ones of one model. */
    static List<Campaign> campaigns(Connection c, String where, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CAMPAIGN + where + " ORDER BY created_at, campaign_id")) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<Campaign> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Campaign(rs.getString(1), rs.getString(2), rs.getString(3),
                            VersionPairs.read(rs.getString(4)),
                            Arrays.stream(rs.getString(5).split(",")).map(Integer::valueOf).toList(), rs.getDouble(6),
                            rs.getInt(7), CampaignState.valueOf(rs.getString(8)), rs.getInt(9),
                            Optional.ofNullable(rs.getString(10)), rs.getObject(11, OffsetDateTime.class).toInstant()));
                }
            }
            return found;
        }
    }

    static Optional<Campaign> campaign(Connection c, String campaignId) throws SQLException {
        return campaigns(c, " WHERE campaign_id = ?", campaignId).stream().findFirst();
    }

    /**
     * The campaign as committed now, its row locked until the transaction ends: writers that decide on its waves at
     * the same time (writer lanes, backend instances) decide one after the other, each on what the one before
     * committed, so that no wave takes more cars than its size and no halt is missed.
     */
    static Optional<Campaign> locked(Connection c, String campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT campaign_id FROM update_campaign WHERE campaign_id = ?"
                + " FOR UPDATE")) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        return campaign(c, campaignId);
    }

    /** Sets state, wave and halt reason of a campaign. */
    static void update(Connection c, String campaignId, CampaignState state, int wave, Optional<String> reason)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE update_campaign SET state = ?, current_wave = ?, halt_reason = ? WHERE campaign_id = ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, wave);
            ps.setString(3, reason.orElse(null));
            ps.setString(4, campaignId);
            ps.executeUpdate();
        }
    }
}
