package io.pcmsim.vehicle.internal.mapupdate;

import io.pcmsim.vehicle.model.InstalledVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The navigation maps installed in one car, by region: starts with the profile's maps and changes when a map
 * update is installed. Thread-safe: written on the car's lane, read from any thread.
 */
public final class InstalledMaps {

    private volatile List<InstalledVersion> maps;

    public InstalledMaps(List<InstalledVersion> initial) {
        this.maps = List.copyOf(initial);
    }

    /** The installed maps, one per region, in the order of the profile. */
    public List<InstalledVersion> current() {
        return maps;
    }

    /** Installs {@code version} for {@code region}, replacing the region's map or adding the region. */
    synchronized void install(String region, String version) {
        List<InstalledVersion> next = new ArrayList<>(maps.size() + 1);
        boolean replaced = false;
        for (InstalledVersion map : maps) {
            if (map.name().equals(region)) {
                next.add(new InstalledVersion(region, version));
                replaced = true;
            } else {
                next.add(map);
            }
        }
        if (!replaced) {
            next.add(new InstalledVersion(region, version));
        }
        maps = List.copyOf(next);
    }
}
