package io.pcmsim.tools.vehicle;

import io.pcmsim.vehicle.softwareupdate.SoftwareUpdatePolicy;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The console car's software update policy: every offer waits for the driver; the release key from a file. */
final class ConsoleUpdates {

    private ConsoleUpdates() {
    }

    /**
     * @throws IllegalArgumentException when the file cannot be read or holds no Ed25519 public key
     */
    static SoftwareUpdatePolicy policy(@Nullable Path releaseKey) {
        SoftwareUpdatePolicy askTheDriver = SoftwareUpdatePolicy.defaults().withDecisions(0, 0, 0);
        return releaseKey == null ? askTheDriver : askTheDriver.withTrustedKey(SoftwareUpdatePolicy.readKey(releaseKey));
    }
}
