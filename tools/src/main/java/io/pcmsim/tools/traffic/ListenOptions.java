package io.pcmsim.tools.traffic;

import io.pcmsim.protocol.Vin;
import io.pcmsim.tools.cli.DurationConverter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the commands that listen to a broker's traffic ({@code record}, {@code tap}). */
public final class ListenOptions {

    @Option(names = "--vin", paramLabel = "VIN", converter = VinConverter.class,
            description = "Only this car's uplinks, downlinks and presence (no map traffic: it never names a VIN).")
    @Nullable Vin vin;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 30s, 10m; without it (and --count) until Ctrl-C.")
    @Nullable Duration duration;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Stop after N messages; 0 = no limit (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--verbose", description = "Show the libraries' log (INFO and up).")
    boolean verbose;

    /** @throws ParameterException (a usage error) for a duration that is not positive or a negative count */
    void validate(CommandSpec spec) {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new ParameterException(spec.commandLine(), "--duration must be positive, was " + duration);
        }
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--count must be 0 (no limit) or more, was " + count);
        }
    }

    /** Stop signals for this duration and count. */
    StopSignals stopSignals(String command) {
        return new StopSignals(command, duration, count);
    }
}
