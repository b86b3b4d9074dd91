package io.pcmsim.tools.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.identity.UserAccount;
import io.pcmsim.backend.manual.ChapterUse;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's {@code manual} commands in this JVM against the embedded broker with a backend subscribed: the
 * links the backend answers for a shown message, chapters opened, favourites, the profile, a warning lit by a
 * fault, and what the settings hold back.
 */
@Timeout(120)
class ManualConsoleIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private static final Vin VIN = new VinGenerator(4712).generate(1).get(0);

    @TempDir
    static Path dataDir;

    private static Backend backend;

    @BeforeAll
    static void startBackend() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        backend = Backend.create(BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId("manual-console-it-" + run).sharedGroup("manual-console-it-" + run).dataDir(dataDir)
                .vehicleTimeWindow(Duration.ofDays(3650), Duration.ofDays(3650)).build());
        backend.start().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void manualCommands_showLinksOpenChaptersKeepFavouritesAndAskForAProfile() throws Exception {
        UserAccount user = backend.identity().register("Hannes Jung");
        try (ConsoleSession console = ConsoleSession.start("--vin", VIN.value(), "--broker", BROKER.url(), "--speed",
                "0", "--start", "2027-01-01T08:00:00Z")) {
            assertThat(console.send("manual w-oil-level")).isEqualTo("ok manual W-OIL-LEVEL shown W-OIL-LEVEL:"
                    + " oil-level \"Checking the engine oil level\" https://manual.example.com/pcmsim/engine/oil-level,"
                    + " oil-top-up \"Topping up engine oil\" https://manual.example.com/pcmsim/engine/oil-top-up");
            assertThat(console.send("manual I-NOT-IN-THE-MANUAL"))
                    .isEqualTo("ok manual I-NOT-IN-THE-MANUAL shown I-NOT-IN-THE-MANUAL: no chapter linked");
            assertThat(console.send("manual open oil-level")).isEqualTo("ok manual opened oil-level (sent)");
            assertThat(console.send("manual favourite oil-top-up")).isEqualTo("ok manual favourite oil-top-up (sent)");
            assertThat(console.send("manual links")).startsWith("ok manual links I-NOT-IN-THE-MANUAL: no chapter linked;"
                    + " W-OIL-LEVEL: oil-level ").endsWith(" favourites=oil-top-up");
            assertThat(console.send("manual profile Hannes Jung " + user.userId()))
                    .isEqualTo("ok manual profile created for Hannes Jung (user " + user.userId() + ")");
            assertThat(console.send("manual profile Hannes Meyer " + user.userId())).isEqualTo("ok manual profile not"
                    + " created: Hannes Meyer and user ID " + user.userId() + " match no user of the identity registry");

            assertThat(console.send("manual open Oil_Level!")).startsWith("error: ").contains("[Oil_Level!]");
            assertThat(console.send("manual W-ABS extra")).startsWith("error: ");
            assertThat(console.send("manual favourite abs maybe")).startsWith("error: ").contains("'off'");

            assertThat(console.send("fault weak-12v-battery")).contains("warnings=W-12V-BATTERY");
            assertThat(console.send("wait 10m")).startsWith("ok wait 10m ");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(console.send("manual links"))
                    .as("the lit warning was a shown message").startsWith("ok manual links W-12V-BATTERY: battery-12v "));

            assertThat(console.send("service manual off")).startsWith("ok service manual off");
            assertThat(console.send("manual W-ABS"))
                    .isEqualTo("ok manual W-ABS shown, refused: nothing sent, the service manual is off");
            assertThat(console.send("manual open abs")).isEqualTo("ok manual refused: nothing sent, the service manual is off");
            assertThat(console.endInput()).as("stderr: " + console.err()).isZero();
            assertThat(console.unread()).isEmpty();
        }

        assertThat(backend.manual().recent(VIN, 10)).extracting(u -> u.chapter().chapterId())
                .containsExactly("oil-level");
        assertThat(backend.manual().favourites(VIN)).extracting(ChapterUse::chapter)
                .extracting(c -> c.chapterId()).containsExactly("oil-top-up");
        assertThat(backend.manual().profile(VIN).orElseThrow().userId()).isEqualTo(user.userId());
        assertThat(backend.manual().counts().messagesShown()).as("W-OIL-LEVEL, the unknown code, W-12V-BATTERY")
                .isEqualTo(3);
    }
}
