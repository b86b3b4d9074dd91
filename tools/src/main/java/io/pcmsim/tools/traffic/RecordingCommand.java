package io.pcmsim.tools.traffic;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pcmsim recording}: work with recording files. */
@Command(
        name = "recording",
        mixinStandardHelpOptions = true,
        description = "Work with recordings made by 'pcmsim record'.",
        subcommands = {RecordingToJsonCommand.class, CommandLine.HelpCommand.class})
public final class RecordingCommand {
}
