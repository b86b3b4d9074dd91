package io.pcmsim.vehicle.softwareupdate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How the cars of a fleet handle online software updates. A driver's answer to an offer is drawn per car and
 * campaign from the fleet's seed: with {@code acceptFraction} accept, with {@code deferFraction} defer, with
 * {@code declineFraction} decline, else the offer waits for the driver ({@code EmulatedVehicle.decideUpdate}).
 *
 * @param trustedReleaseKey the backend's release public key (Ed25519) the cars check signatures with; empty:
 *     every package is refused ("no trusted release key")
 * @param acceptFraction share of offers accepted at once, 0 to 1
 * @param deferFraction share deferred, 0 to 1
 * @param declineFraction share declined, 0 to 1; the three add up to at most 1
 * @param installFailureFraction share of installs that fail (drawn per car and campaign), 0 to 1
 * @param installDuration how long an install takes, simulated time
 * @param pollInterval the car asks for updates at every vehicle start, session start and this often, until the
 *     backend's collection settings ({@code software_update_poll_interval_s}) say otherwise
 * @param chunksPerSample chunks the car asks for per sample interval (its download bandwidth), at least 1
 */
public record SoftwareUpdatePolicy(Optional<PublicKey> trustedReleaseKey, double acceptFraction,
                                   double deferFraction, double declineFraction, double installFailureFraction,
                                   Duration installDuration, Duration pollInterval, int chunksPerSample) {

    public SoftwareUpdatePolicy {
        Objects.requireNonNull(trustedReleaseKey, "trustedReleaseKey");
        requireFraction("acceptFraction", acceptFraction);
        requireFraction("deferFraction", deferFraction);
        requireFraction("declineFraction", declineFraction);
        requireFraction("installFailureFraction", installFailureFraction);
        if (acceptFraction + deferFraction + declineFraction > 1 + 1e-9) {
            throw new IllegalArgumentException("acceptFraction + deferFraction + declineFraction must be at most 1, was "
                    + (acceptFraction + deferFraction + declineFraction));
        }
        requirePositive("installDuration", installDuration);
        requirePositive("pollInterval", pollInterval);
        if (chunksPerSample < 1) {
            throw new IllegalArgumentException("chunksPerSample must be at least 1, was " + chunksPerSample);
        }
    }

    /** No trusted key, every offer accepted, no install failure, 20 min installs, a poll a day, 8 chunks a sample. */
    public static SoftwareUpdatePolicy defaults() {
        return new SoftwareUpdatePolicy(Optional.empty(), 1, 0, 0, 0, Duration.ofMinutes(20), Duration.ofDays(1), 8);
    }

    /** This policy trusting {@code key}. */
    public SoftwareUpdatePolicy withTrustedKey(PublicKey key) {
        return new SoftwareUpdatePolicy(Optional.of(key), acceptFraction, deferFraction, declineFraction,
                installFailureFraction, installDuration, pollInterval, chunksPerSample);
    }

    /** This policy with these shares of drivers' answers; the rest waits for the driver. */
    public SoftwareUpdatePolicy withDecisions(double accept, double defer, double decline) {
        return new SoftwareUpdatePolicy(trustedReleaseKey, accept, defer, decline, installFailureFraction,
                installDuration, pollInterval, chunksPerSample);
    }

    /** This policy with this share of failing installs. */
    public SoftwareUpdatePolicy withInstallFailures(double fraction) {
        return new SoftwareUpdatePolicy(trustedReleaseKey, acceptFraction, deferFraction, declineFraction, fraction,
                installDuration, pollInterval, chunksPerSample);
    }

    /** This policy with this download bandwidth. */
    public SoftwareUpdatePolicy withChunksPerSample(int chunks) {
        return new SoftwareUpdatePolicy(trustedReleaseKey, acceptFraction, deferFraction, declineFraction,
                installFailureFraction, installDuration, pollInterval, chunks);
    }

    /**
     * Reads a release public key as the backend exports it: X.509 {@code SubjectPublicKeyInfo}, base64, with or
     * without the PEM lines.
     *
     * @throws IllegalArgumentException when the text is no Ed25519 public key
     */
    public static PublicKey parseKey(String text) {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("release key [" + abbreviated(body) + "] is no base64 X.509 Ed25519"
                    + " public key: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /**
     * Reads a release public key from a PEM file, e.g. the backend's {@code release-key.pub.pem}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no Ed25519 public key
     */
    public static PublicKey readKey(Path file) {
        try {
            return parseKey(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("release key file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("release key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "...";
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be longer than 0, was " + value);
        }
    }
}
