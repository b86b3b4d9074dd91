package io.pcmsim.tools.demo;

import io.pcmsim.backend.softwareupdate.CampaignRequest;
import io.pcmsim.backend.softwareupdate.Release;
import io.pcmsim.backend.softwareupdate.ReleaseRequest;
import io.pcmsim.backend.softwareupdate.SoftwareUpdates;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import io.pcmsim.vehicle.softwareupdate.SoftwareUpdatePolicy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The software update of a demo: the cars trust the backend's release key; most drivers accept an offer, a
 * tenth defer and a tenth decline; a share of the installs fails ({@link DemoOptions#installFailureFraction()}).
 * The operator starts one campaign per model in the fleet, for a new PCM software, rolled out in three waves
 * (a twentieth of the model's cars, a fifth, then the rest); a wave of which more than a fifth of at least two
 * results failed halts its campaign. The cars ask for updates at each vehicle start and once a simulated day.
 */
final class DemoCampaigns {

    static final Map<String, String> TARGET = Map.of("PCM", "PCM9.0.0");
    /** Small enough that thousands of cars download it within the run: four chunks of 8 KiB. */
    static final int PACKAGE_BYTES = 32 * 1024;
    static final int CHUNK_BYTES = 8 * 1024;
    static final double FAILURE_THRESHOLD = 0.2;
    static final int MIN_RESULTS = 2;

    private DemoCampaigns() {
    }

    /** How the demo's cars answer offers: trusting {@code releaseKeyPem}, failing {@code installFailures} of installs. */
    static SoftwareUpdatePolicy policy(String releaseKeyPem, double installFailures) {
        return SoftwareUpdatePolicy.defaults()
                .withTrustedKey(SoftwareUpdatePolicy.parseKey(releaseKeyPem))
                .withDecisions(0.8, 0.1, 0.1)
                .withInstallFailures(installFailures);
    }

    /** Starts a release and a campaign for each model among {@code cars}; returns how many. */
    static int start(SoftwareUpdates updates, List<EmulatedVehicle> cars) {
        Map<String, Integer> carsByModel = new TreeMap<>();
        cars.forEach(car -> carsByModel.merge(car.profile().modelLine().modelCode(), 1, Integer::sum));
        carsByModel.forEach((model, count) -> {
            Release release = updates.createRelease(new ReleaseRequest(model, TARGET, PACKAGE_BYTES, CHUNK_BYTES));
            updates.createCampaign(new CampaignRequest(release.releaseId(), Map.of(), waves(count),
                    FAILURE_THRESHOLD, MIN_RESULTS));
        });
        return carsByModel.size();
    }

    /** A twentieth of {@code cars}, a fifth, then all of them (each at least one car). */
    static List<Integer> waves(int cars) {
        return List.of(Math.max(1, cars / 20), Math.max(1, cars / 5), Math.max(1, cars));
    }
}
