package io.pcmsim.backend.mapupdate;

/**
 * What map update did since the backend started.
 *
 * @param entitlements entitlement requests answered ENTITLED
 * @param notEntitled entitlement requests answered NOT_ENTITLED
 * @param keys anonymous keys registered with the map provider now
 * @param checks version queries the map provider answered
 * @param offered map packages the provider offered and sent
 * @param installed transfers documented (a car reported a package installed)
 */
public record MapUpdateCounts(long entitlements, long notEntitled, long keys, long checks, long offered,
        long installed) {
}
