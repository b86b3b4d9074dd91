package io.pcmsim.tools.bench;

import picocli.CommandLine.Command;

/** {@code pcmsim bench}: benchmarks that report figures (never pass/fail). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that report figures for docs/performance.md.",
        subcommands = {StoreBenchCommand.class, IngestBenchCommand.class, FleetBenchCommand.class})
public final class BenchCommand {
}
