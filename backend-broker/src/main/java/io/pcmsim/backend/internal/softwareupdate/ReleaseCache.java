package io.pcmsim.backend.internal.softwareupdate;

import io.pcmsim.backend.internal.softwareupdate.CampaignRows.StoredRelease;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Releases by id, read once from the database (a release never changes) and their packages. Thread-safe. */
final class ReleaseCache {

    private final Map<String, StoredRelease> byId = new ConcurrentHashMap<>();
    private final Packages packages = new Packages();

    /**
     * @throws IllegalArgumentException when no release has this id
     */
    StoredRelease get(Connection c, String releaseId) throws SQLException {
        StoredRelease known = byId.get(releaseId);
        if (known != null) {
            return known;
        }
        StoredRelease read = CampaignRows.releases(c, java.util.Optional.of(releaseId)).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no release has the id [" + releaseId + "]"));
        byId.put(releaseId, read);
        return read;
    }

    byte[] bytes(StoredRelease release) {
        return packages.bytes(release.contentSeed(), release.release().sizeBytes());
    }
}
