package io.pcmsim.tools.scenario;

import io.pcmsim.backend.Backend;
import io.pcmsim.backend.softwareupdate.CampaignRequest;
import io.pcmsim.backend.softwareupdate.Release;
import io.pcmsim.backend.softwareupdate.ReleaseRequest;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The software update events of a timeline: {@code software-campaign} read and started (a release and a campaign
 * for each model of the fleet, through the embedded backend's {@code softwareUpdate()}), and the defaults of
 * {@code install-failure}.
 */
final class UpdateEvents {

    static final Set<String> CAMPAIGN_FIELDS = Set.of("target", "sizeBytes", "waveSizes", "failureThreshold",
            "minResults");
    static final String DEFAULT_FAILURE = "install failed: injected by the scenario";

    private UpdateEvents() {
    }

    static Optional<Event> campaign(YamlMap e, Problems problems, boolean embeddedBackend) {
        if (!embeddedBackend) {
            problems.at(e.node("event").orElseThrow(), e.field("event"),
                    "a software campaign needs the backend in this process (backend: embedded)");
        }
        Map<String, String> target = new TreeMap<>();
        e.node("target").ifPresentOrElse(node -> {
            YamlMap versions = YamlMap.of(node, e.field("target"), problems);
            versions.keys().forEach(component -> versions.text(component, true)
                    .ifPresent(version -> target.put(component, version)));
        }, () -> problems.at(e.node(), e.field("target"), "is required: the versions the update installs, e.g."
                + " {PCM: PCM9.0.0}"));
        List<Integer> waves = new ArrayList<>();
        for (ScalarNode size : e.list("waveSizes")) {
            try {
                waves.add(Integer.parseInt(size.getValue()));
            } catch (NumberFormatException ex) {
                problems.at(size, e.field("waveSizes"), "\"" + size.getValue() + "\" is not a whole number");
            }
        }
        long sizeBytes = e.count("sizeBytes", false, 1, 64L * 1024 * 1024).orElse(64L * 1024);
        double threshold = e.number("failureThreshold", false, 0, 1).orElse(0.2);
        long minResults = e.count("minResults", false, 1, Integer.MAX_VALUE).orElse(1L);
        if (target.isEmpty() || waves.stream().anyMatch(w -> w < 1)) {
            if (waves.stream().anyMatch(w -> w < 1)) {
                problems.at(e.node("waveSizes").orElseThrow(), e.field("waveSizes"), "each wave needs at least 1 car");
            }
            return Optional.empty();
        }
        return Optional.of(new Event.SoftwareCampaign(target, (int) sizeBytes,
                waves.isEmpty() ? List.of(Integer.MAX_VALUE) : waves, threshold, (int) minResults));
    }

    /** Starts {@code event}: one release and campaign per model among {@code cars}. */
    static void start(Event.SoftwareCampaign event, Backend backend, List<EmulatedVehicle> cars) {
        Set<String> models = new TreeSet<>();
        cars.forEach(car -> models.add(car.profile().modelLine().modelCode()));
        for (String model : models) {
            Release release = backend.softwareUpdate().createRelease(new ReleaseRequest(model, event.target(),
                    event.sizeBytes(), ReleaseRequest.DEFAULT_CHUNK_SIZE));
            backend.softwareUpdate().createCampaign(new CampaignRequest(release.releaseId(), Map.of(),
                    event.waveSizes(), event.failureThreshold(), event.minResults()));
        }
    }
}
