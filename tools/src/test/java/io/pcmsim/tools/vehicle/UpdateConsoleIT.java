package io.pcmsim.tools.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.softwareupdate.CampaignRequest;
import io.pcmsim.backend.softwareupdate.Release;
import io.pcmsim.backend.softwareupdate.ReleaseRequest;
import io.pcmsim.backend.softwareupdate.UpdateRecord;
import io.pcmsim.backend.testing.EmbeddedBrokerExtension;
import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.VinGenerator;
import io.pcmsim.vehicle.model.ModelLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code update ...} in {@code pcmsim vehicle} against the embedded broker and a backend that runs a campaign for
 * every model: the driver's answers, an injected install failure, the status line and what the backend records.
 */
@Timeout(180)
class UpdateConsoleIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension BROKER = new EmbeddedBrokerExtension();

    private static final List<Vin> VINS = new VinGenerator(8128).generate(2);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static Backend backend;

    @BeforeAll
    static void startBackend() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        backend = Backend.create(BackendConfig.builder().brokerHost(BROKER.host()).brokerPort(BROKER.port())
                .clientId("update-console-" + run).sharedGroup("update-console-" + run).dataDir(dataDir)
                .vehicleTimeWindow(Duration.ofDays(3650), Duration.ofDays(3650)).build());
        backend.start().get(60, TimeUnit.SECONDS);
        for (ModelLine line : ModelLine.values()) {
            Release release = backend.softwareUpdate().createRelease(new ReleaseRequest(line.modelCode(),
                    Map.of("PCM", "PCM9.0.0"), 4096, 1024));
            backend.softwareUpdate().createCampaign(new CampaignRequest(release.releaseId(), Map.of(), List.of(100),
                    0.5, 5));
        }
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    private static ConsoleSession console(Vin vin) throws Exception {
        return ConsoleSession.start("--vin", vin.value(), "--broker", BROKER.url(), "--speed", "0", "--start",
                "2027-01-01T08:00:00Z", "--release-key", dataDir.resolve("release-key.pub.pem").toString());
    }

    private static String awaitStatus(ConsoleSession console, String phase, String step) throws Exception {
        String[] last = {""};
        // one command at a time: the condition runs on this thread, never two lines in flight
        await().atMost(WAIT).pollInSameThread().until(() -> {
            if (!step.isEmpty()) {
                console.send(step);
            }
            last[0] = console.send("update status");
            return last[0].startsWith("ok update " + phase);
        });
        return last[0];
    }

    @Test
    void accept_downloadsAndInstalls_theBackendRecordsIt() throws Exception {
        Vin vin = VINS.get(0);
        try (ConsoleSession console = console(vin)) {
            assertThat(console.send("update decline")).startsWith("error: update decline: no offer waits");
            awaitStatus(console, "offered", "");

            assertThat(console.send("update accept")).startsWith("ok update downloading campaign=");
            String installed = awaitStatus(console, "installed", "wait 10m");

            assertThat(installed).contains("PCM:PCM9.0.0").contains("refused=0");
            await().atMost(WAIT).until(() -> backend.softwareUpdate().records(vin).stream()
                    .map(UpdateRecord::state).toList().equals(List.of("INSTALLED")));
            assertThat(console.send("update")).startsWith("error: ");
            assertThat(console.send("update maybe")).startsWith("error: ").contains("maybe");
            assertThat(console.endInput()).as(console.err()).isZero();
        }
    }

    @Test
    void fail_makesTheNextInstallFail_withTheReasonOnBothSides() throws Exception {
        Vin vin = VINS.get(1);
        try (ConsoleSession console = console(vin)) {
            awaitStatus(console, "offered", "");
            assertThat(console.send("update fail flash memory worn"))
                    .isEqualTo("ok update the next install fails with \"flash memory worn\"");
            console.send("update accept");

            String failed = awaitStatus(console, "failed", "wait 10m");

            assertThat(failed).contains("reason=\"flash memory worn\"");
            await().atMost(WAIT).until(() -> backend.softwareUpdate().records(vin).stream()
                    .anyMatch(r -> r.failureReason().equals(java.util.Optional.of("flash memory worn"))));
            assertThat(console.endInput()).as(console.err()).isZero();
        }
    }
}
