package io.pcmsim.backend.internal.breakdown;

import io.pcmsim.backend.dealer.Dealer;
import io.pcmsim.backend.dealer.DealerDirectory;
import io.pcmsim.backend.dealer.GeoPosition;
import io.pcmsim.protocol.Vin;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that chooses the dealer of a breakdown call: today the dealer of the directory nearest to
 * the car's position. (An owner's preferred dealer, when there is one, belongs here.) Thread-safe.
 */
public final class DealerChoice {

    private final DealerDirectory directory;

    public DealerChoice(DealerDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The dealer for {@code vin} at {@code position}; empty without a position or without dealers. */
    public Optional<Dealer> choose(Vin vin, Optional<GeoPosition> position) {
        return position.flatMap(p -> directory.nearest(p, 1).stream().findFirst());
    }
}
