package io.pcmsim.vehicle.internal.softwareupdate;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.proto.v1.UpdateOffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The car's checks of an offer and of a downloaded package, each refusal with its reason. */
class PackageCheckTest {

    private static final Map<String, String> INSTALLED = Map.of("PCM", "PCM6.2.11", "GATEWAY", "GW3.4");
    private final byte[] bytes = "package content".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private KeyPair release;

    @BeforeEach
    void keys() throws Exception {
        release = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private UpdateOffer offer(String model, String pcm, String sha, String signature) {
        return UpdateOffer.newBuilder().setCampaignId("c").setModelCode(model).setSizeBytes(bytes.length)
                .setChunkSize(1024).setChunkCount(1).setSha256(sha).setSignature(signature)
                .addTarget(SoftwareComponent.newBuilder().setComponent("PCM").setVersion(pcm)).build();
    }

    private String sha() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private String sign(KeyPair pair) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(bytes);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    @Test
    void offer_withoutTrustedKey_isRefused() throws Exception {
        assertThat(PackageCheck.refuseOffer(offer("992", "PCM6.2.12", sha(), sign(release)), Optional.empty(), "992",
                INSTALLED)).hasValue("no trusted release key");
    }

    @Test
    void offer_forAnotherModel_orAnOlderVersion_isRefused_aNewerOneIsNot() throws Exception {
        Optional<PublicKey> key = Optional.of(release.getPublic());
        assertThat(PackageCheck.refuseOffer(offer("9YA", "PCM6.2.12", sha(), sign(release)), key, "992", INSTALLED))
                .hasValueSatisfying(r -> assertThat(r).startsWith("wrong model"));
        assertThat(PackageCheck.refuseOffer(offer("992", "PCM6.2.9", sha(), sign(release)), key, "992", INSTALLED))
                .hasValue("downgrade refused: PCM PCM6.2.11 -> PCM6.2.9");
        assertThat(PackageCheck.refuseOffer(offer("992", "PCM6.2.12", sha(), sign(release)), key, "992", INSTALLED))
                .isEmpty();
    }

    @Test
    void package_withAnotherHash_orSignedByAnotherKey_isRefused() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(PackageCheck.refusePackage(bytes, offer("992", "PCM6.3", "00" + sha().substring(2), sign(release)),
                release.getPublic())).hasValueSatisfying(r -> assertThat(r).startsWith("hash mismatch"));
        assertThat(PackageCheck.refusePackage(bytes, offer("992", "PCM6.3", sha(), sign(other)), release.getPublic()))
                .hasValueSatisfying(r -> assertThat(r).startsWith("signature invalid"));
        assertThat(PackageCheck.refusePackage(bytes, offer("992", "PCM6.3", sha(), sign(release)), release.getPublic()))
                .isEmpty();
    }

    @Test
    void versions_compareByTheirNumbers() {
        assertThat(Versions.compare("PCM6.2.11", "PCM6.2.9")).isPositive();
        assertThat(Versions.compare("GW3", "GW3.0")).isZero();
        assertThat(Versions.compare("TCU2.9", "TCU3.0")).isNegative();
    }
}
