package io.pcmsim.vehicle.softwareupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.BackendConfig;
import io.pcmsim.backend.softwareupdate.Campaign;
import io.pcmsim.backend.softwareupdate.CampaignProgress;
import io.pcmsim.backend.softwareupdate.CampaignRequest;
import io.pcmsim.backend.softwareupdate.CampaignState;
import io.pcmsim.backend.softwareupdate.Release;
import io.pcmsim.backend.softwareupdate.ReleaseRequest;
import io.pcmsim.backend.softwareupdate.WaveProgress;
import io.pcmsim.time.SimulatedClock;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.fleet.Fleet;
import io.pcmsim.vehicle.fleet.FleetConfig;
import io.pcmsim.vehicle.model.ProfileChoice;
import io.pcmsim.vehicle.softwareupdate.UpdateProgress.Phase;
import io.pcmsim.vehicle.testing.RecordingBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign rolled out in waves to real emulated cars whose drivers decide: installs that fail (injected)
 * halt the campaign once the wave's failure share exceeds the threshold; the operator resumes it and the next
 * wave installs.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CampaignWavesIT {

    @RegisterExtension
    static final RecordingBroker BROKER = new RecordingBroker();

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Fleet fleet;
    private static Backend backend;
    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2027-05-03T07:00:00Z"), 120);
        String run = UUID.randomUUID().toString().substring(0, 8);
        backend = Backend.create(BackendConfig.builder().brokerHost("127.0.0.1").brokerPort(BROKER.port())
                .clientId("waves-it-" + run).sharedGroup("waves-it-" + run).dataDir(dataDir).clock(clock).build());
        backend.start().get(60, TimeUnit.SECONDS);
        SoftwareUpdatePolicy askTheDriver = SoftwareUpdatePolicy.defaults()
                .withTrustedKey(SoftwareUpdatePolicy.parseKey(backend.softwareUpdate().releasePublicKeyPem()))
                .withDecisions(0, 0, 0);
        fleet = Fleet.create(FleetConfig.builder().brokerPort(BROKER.port()).vehicles(6).seed(91).clock(clock)
                .sampleInterval(Duration.ofMinutes(1)).profiles(ProfileChoice.parse("battery-electric"))
                .softwareUpdate(askTheDriver).build());
        fleet.start().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fleet != null) {
            fleet.stop().get(30, TimeUnit.SECONDS);
        }
        if (backend != null) {
            backend.close();
        }
    }

    private static List<EmulatedVehicle> offered(List<EmulatedVehicle> cars) {
        return cars.stream().filter(c -> c.updateProgress().phase() == Phase.OFFERED).toList();
    }

    private static void startEach(List<EmulatedVehicle> cars) throws Exception {
        for (EmulatedVehicle car : cars) {
            car.park().get(10, TimeUnit.SECONDS);
            car.startVehicle().get(10, TimeUnit.SECONDS);
        }
    }

    /** Vehicle starts (each one a query) until {@code count} of {@code cars} hold an offer. */
    private static void awaitOffers(List<EmulatedVehicle> cars, int count) {
        await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (offered(cars).size() < count) {
                startEach(cars.stream().filter(c -> c.updateProgress().phase() != Phase.OFFERED).toList());
            }
            return offered(cars).size() == count;
        });
    }

    private static CampaignProgress progress(String id) {
        return backend.softwareUpdate().progress(id).orElseThrow();
    }

    @Test
    void failuresOverTheThreshold_haltTheWave_resumeInstallsTheNext() throws Exception {
        List<EmulatedVehicle> cars = fleet.vehicles();
        String model = cars.get(0).profile().modelLine().modelCode();
        Release release = backend.softwareUpdate().createRelease(new ReleaseRequest(model,
                Map.of("PCM", "PCM9.0.0"), 4096, 1024));
        Campaign campaign = backend.softwareUpdate().createCampaign(new CampaignRequest(release.releaseId(), Map.of(),
                List.of(2, 2), 0.4, 2));

        awaitOffers(cars, 2);
        List<EmulatedVehicle> first = offered(cars);
        for (EmulatedVehicle car : first) {
            car.injectInstallFailure("install failed: injected flash error").get(10, TimeUnit.SECONDS);
            car.decideUpdate(UpdateDecision.ACCEPT).get(10, TimeUnit.SECONDS);
        }

        await().atMost(WAIT).until(() -> progress(campaign.campaignId()).campaign().state() == CampaignState.HALTED);
        assertThat(first).allSatisfy(c -> assertThat(c.updateProgress().failureReason())
                .hasValue("install failed: injected flash error"));
        CampaignProgress halted = progress(campaign.campaignId());
        assertThat(halted.waves()).containsExactly(new WaveProgress(0, 2, 2, 2, 0, 2, 0, 0));
        assertThat(halted.campaign().haltReason().orElseThrow()).contains("2 of 2 installs failed");
        List<EmulatedVehicle> rest = cars.stream().filter(c -> !first.contains(c)).toList();
        startEach(rest);
        assertThat(offered(rest)).isEmpty();

        backend.softwareUpdate().resume(campaign.campaignId());
        awaitOffers(rest, 2);
        List<EmulatedVehicle> second = offered(rest);
        for (EmulatedVehicle car : second) {
            car.decideUpdate(UpdateDecision.ACCEPT).get(10, TimeUnit.SECONDS);
        }

        await().atMost(WAIT).until(() -> progress(campaign.campaignId()).waves().size() == 2
                && progress(campaign.campaignId()).waves().get(1).installed() == 2);
        assertThat(second).allSatisfy(c -> assertThat(c.updateProgress().installed())
                .contains(new io.pcmsim.vehicle.model.InstalledVersion("PCM", "PCM9.0.0")));
        assertThat(backend.softwareUpdate().counts().installed()).isEqualTo(2);
        assertThat(backend.softwareUpdate().counts().failed()).isEqualTo(2);
        assertThat(Optional.of(progress(campaign.campaignId()).campaign().state())).contains(CampaignState.RUNNING);
    }
}
