package io.pcmsim.vehicle.internal.softwareupdate;

import io.pcmsim.proto.v1.SoftwareComponent;
import io.pcmsim.vehicle.model.InstalledVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The versions installed in the car now, control unit by control unit, in the profile's order. Lane only. */
final class InstalledSoftware {

    private final Map<String, String> versions = new LinkedHashMap<>();

    InstalledSoftware(List<InstalledVersion> initial) {
        initial.forEach(v -> versions.put(v.name(), v.version()));
    }

    /** An install done: each target component now has its version. */
    void install(List<SoftwareComponent> targets) {
        targets.forEach(t -> versions.put(t.getComponent(), t.getVersion()));
    }

    Map<String, String> byComponent() {
        return Collections.unmodifiableMap(versions);
    }

    List<SoftwareComponent> components() {
        return versions.entrySet().stream().map(e -> SoftwareComponent.newBuilder().setComponent(e.getKey())
                .setVersion(e.getValue()).build()).toList();
    }

    List<InstalledVersion> versions() {
        return versions.entrySet().stream().map(e -> new InstalledVersion(e.getKey(), e.getValue())).toList();
    }
}
