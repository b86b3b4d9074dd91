package io.pcmsim.vehicle.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which powertrain and driving profile the cars get: each one forced, or left to the seed (a realistic
 * mix). Named on the command line as a powertrain ({@code battery-electric}), a driving profile
 * ({@code sporty}) or both ({@code battery-electric/sporty}); see {@link #parse}.
 *
 * @param powertrain the powertrain of every car, or null for the seed's mix
 * @param driving the driving profile of every car, or null for the seed's mix
 */
public record ProfileChoice(@Nullable Powertrain powertrain, @Nullable DrivingProfile driving) {

    /** Nothing forced: the seed decides each car's powertrain and driving profile. */
    public static final ProfileChoice ANY = new ProfileChoice(null, null);

    /** The forced powertrain, if any. */
    public Optional<Powertrain> forcedPowertrain() {
        return Optional.ofNullable(powertrain);
    }

    /** The forced driving profile, if any. */
    public Optional<DrivingProfile> forcedDriving() {
        return Optional.ofNullable(driving);
    }

    /**
     * The choice named {@code name}: a powertrain ({@code combustion}, {@code plug-in-hybrid},
     * {@code battery-electric}), a driving profile ({@code commuter}, {@code sporty}, {@code long-distance},
     * {@code rarely-driven}), {@code POWERTRAIN/DRIVING}, or {@code any}; case and surrounding blanks do not matter.
     *
     * @throws IllegalArgumentException naming the text and listing the valid names
     */
    public static ProfileChoice parse(String name) {
        String text = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (text.equals("any")) {
            return ANY;
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            Optional<Powertrain> p = Powertrain.byLabel(text.substring(0, slash).strip());
            Optional<DrivingProfile> d = DrivingProfile.byLabel(text.substring(slash + 1).strip());
            if (p.isPresent() && d.isPresent()) {
                return new ProfileChoice(p.get(), d.get());
            }
        } else {
            Optional<Powertrain> p = Powertrain.byLabel(text);
            if (p.isPresent()) {
                return new ProfileChoice(p.get(), null);
            }
            Optional<DrivingProfile> d = DrivingProfile.byLabel(text);
            if (d.isPresent()) {
                return new ProfileChoice(null, d.get());
            }
        }
        throw new IllegalArgumentException("profile [" + name + "] is unknown; use a powertrain ("
                + labels(Powertrain.values()) + "), a driving profile (" + labels(DrivingProfile.values())
                + ") or POWERTRAIN/DRIVING, e.g. battery-electric/commuter");
    }

    private static String labels(Object[] values) {
        return Arrays.stream(values).map(Object::toString).collect(Collectors.joining(", "));
    }

    /** The name {@link #parse} reads back: {@code any}, {@code sporty}, {@code battery-electric/sporty}. */
    @Override
    public String toString() {
        if (powertrain == null && driving == null) {
            return "any";
        }
        return powertrain == null ? driving.label()
                : driving == null ? powertrain.label() : powertrain.label() + "/" + driving.label();
    }
}
