package io.pcmsim.backend.internal.softwareupdate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The release key (Ed25519, the JDK's own provider) that signs every release package. Generated at the first
 * start into the backend's data folder ({@code release-key.pk8}, PKCS#8, and {@code release-key.pub.pem}, the
 * public half cars are given); read from there at every later start, so packages signed before stay valid.
 * Thread-safe.
 */
public final class ReleaseKey {

    static final String PRIVATE_FILE = "release-key.pk8";
    static final String PUBLIC_FILE = "release-key.pub.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private ReleaseKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key in {@code folder}, generated and written there when absent. */
    public static ReleaseKey inFolder(Path folder) {
        Path privateFile = folder.resolve(PRIVATE_FILE);
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(privateFile)) {
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(
                        pemBody(Files.readString(folder.resolve(PUBLIC_FILE)))));
                return new ReleaseKey(privateKey, publicKey);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(folder);
            ReleaseKey key = new ReleaseKey(pair.getPrivate(), pair.getPublic());
            Files.writeString(folder.resolve(PUBLIC_FILE), key.publicPem());
            Files.write(privateFile, pair.getPrivate().getEncoded());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the release key in " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("release key in " + folder + " is unusable: " + e.getMessage(), e);
        }
    }

    /** The Ed25519 signature of {@code bytes}, base64. */
    public String sign(byte[] bytes) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(bytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the release key: " + e.getMessage(), e);
        }
    }

    /** The public half as PEM. */
    public String publicPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    private static byte[] pemBody(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
