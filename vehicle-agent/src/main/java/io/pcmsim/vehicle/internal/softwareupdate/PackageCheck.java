package io.pcmsim.vehicle.internal.softwareupdate;

import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.proto.v1.UpdateOffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The car's checks of an update: before the download, that the offer fits the car (a trusted key exists, the
 * package was built for its model, no component goes back to an older version); after it, that the package's
 * SHA-256 is the offer's and its Ed25519 signature verifies with the trusted release key. Each check that
 * fails gives the reason the car reports.
 */
final class PackageCheck {

    static final String NO_TRUSTED_KEY = "no trusted release key";

    private PackageCheck() {
    }

    /** Why the car refuses {@code offer} before downloading it, or empty when it may download it. */
    static Optional<String> refuseOffer(UpdateOffer offer, Optional<PublicKey> trusted, String modelCode,
            Map<String, String> installed) {
        if (trusted.isEmpty()) {
            return Optional.of(NO_TRUSTED_KEY);
        }
        if (!offer.getModelCode().equals(modelCode)) {
            return Optional.of("wrong model: package for [" + offer.getModelCode() + "], car is [" + modelCode + "]");
        }
        for (SoftwareComponent target : offer.getTargetList()) {
            String now = installed.get(target.getComponent());
            if (now == null) {
                return Optional.of("unknown component: car has no [" + target.getComponent() + "]");
            }
            if (Versions.compare(target.getVersion(), now) < 0) {
                return Optional.of("downgrade refused: " + target.getComponent() + " " + now + " -> "
                        + target.getVersion());
            }
        }
        if (offer.getChunkCount() < 1 || offer.getSizeBytes() < 1 || offer.getChunkSize() < 1
                || (long) offer.getChunkCount() * offer.getChunkSize() < offer.getSizeBytes()) {
            return Optional.of("offer malformed: " + offer.getSizeBytes() + " bytes in " + offer.getChunkCount()
                    + " chunks of " + offer.getChunkSize());
        }
        return Optional.empty();
    }

    /** Why the car refuses the downloaded {@code bytes}, or empty when hash and signature are right. */
    static Optional<String> refusePackage(byte[] bytes, UpdateOffer offer, PublicKey trusted) {
        String sha256 = HexFormat.of().formatHex(sha256(bytes));
        if (!sha256.equalsIgnoreCase(offer.getSha256())) {
            return Optional.of("hash mismatch: package has sha256 " + sha256 + ", offer says " + offer.getSha256());
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(trusted);
            verifier.update(bytes);
            if (!verifier.verify(Base64.getDecoder().decode(offer.getSignature()))) {
                return Optional.of("signature invalid: not signed by the trusted release key");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.of("signature invalid: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
