package io.pcmsim.tools;

import io.pcmsim.tools.backend.BackendCommand;
import io.pcmsim.tools.bench.BenchCommand;
import io.pcmsim.tools.cli.VersionProvider;
import io.pcmsim.tools.demo.DemoCommand;
import io.pcmsim.tools.fleet.FleetCommand;
import io.pcmsim.tools.mapprovider.MapProviderCommand;
import io.pcmsim.tools.traffic.RecordCommand;
import io.pcmsim.tools.traffic.RecordingCommand;
import io.pcmsim.tools.traffic.ReplayCommand;
import io.pcmsim.tools.traffic.TapCommand;
import io.pcmsim.tools.scenario.RunCommand;
import io.pcmsim.tools.vehicle.VehicleCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pcmsim} command line: one runnable jar, one subcommand per job. */
@Command(
        name = "pcmsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Emulated connected-car head units (PCM) and the backend they talk to.",
        subcommands = {DemoCommand.class, FleetCommand.class, RunCommand.class, BenchCommand.class,
            BackendCommand.class, VehicleCommand.class, RecordCommand.class, ReplayCommand.class, TapCommand.class,
            RecordingCommand.class, MapProviderCommand.class, CommandLine.HelpCommand.class})
public final class Pcmsim {

    /** Builds the command line with its converters and error handling; tests execute it in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Pcmsim());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(Pcmsim::unexpected);
        return cli;
    }

    /**
     * A command that throws is a bug: the user reads one sentence, the log (level from the environment
     * variable {@code PCMSIM_LOG_LEVEL}, default WARN) gets the details.
     */
    private static int unexpected(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        LoggerFactory.getLogger(Pcmsim.class).error("{} failed", command.getCommandName(), e);
        command.getErr().println("pcmsim " + command.getCommandName() + " failed because of an unexpected error;"
                + " the log above has the details, please report them");
        return 1;
    }

    /**
     * Runs the command and ends the process with its exit code: the MQTT client's Netty threads
     * could otherwise keep the JVM alive after everything is closed.
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
