package io.pcmsim.tools.scenario;

import io.pcmsim.protocol.Vin;
import io.pcmsim.vehicle.fleet.EmulatedVehicle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The fleet's cars by group: the groups take the fleet's VINs in generation order, the first group the
 * first {@code count}, and so on. Resolves an event's {@link Target} to cars. Immutable.
 */
final class FleetGroups {

    private final List<EmulatedVehicle> all;
    private final Map<String, List<EmulatedVehicle>> byGroup;
    private final Map<String, EmulatedVehicle> byVin;

    FleetGroups(List<Group> groups, List<EmulatedVehicle> cars) {
        this.all = List.copyOf(cars);
        Map<String, List<EmulatedVehicle>> map = new LinkedHashMap<>();
        int from = 0;
        for (Group group : groups) {
            map.put(group.name(), List.copyOf(cars.subList(from, from + group.count())));
            from += group.count();
        }
        this.byGroup = Collections.unmodifiableMap(map);
        Map<String, EmulatedVehicle> vins = new LinkedHashMap<>();
        cars.forEach(car -> vins.put(car.vin().value(), car));
        this.byVin = vins;
    }

    List<EmulatedVehicle> group(String name) {
        return byGroup.getOrDefault(name, List.of());
    }

    List<EmulatedVehicle> all() {
        return all;
    }

    Optional<EmulatedVehicle> car(String vin) {
        return Optional.ofNullable(byVin.get(vin));
    }

    /** VINs of {@code vins} that are not in the fleet. */
    List<String> unknown(List<String> vins) {
        return vins.stream().filter(v -> !byVin.containsKey(v)).toList();
    }

    /**
     * The cars {@code target} names: its VINs, or a share of its group (or of the fleet) picked at random
     * with {@code seed}: same seed, same cars.
     */
    List<EmulatedVehicle> resolve(Target target, long seed) {
        if (!target.vins().isEmpty()) {
            return target.vins().stream().map(byVin::get).filter(c -> c != null).toList();
        }
        List<EmulatedVehicle> pool = target.group().map(this::group).orElse(all);
        if (target.share() >= 1) {
            return pool;
        }
        List<EmulatedVehicle> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(seed));
        int n = (int) Math.round(pool.size() * target.share());
        return List.copyOf(shuffled.subList(0, n));
    }

    static Vin vinOf(EmulatedVehicle car) {
        return car.vin();
    }
}
