package io.pcmsim.tools.vehicle;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console's commands by name, in the order {@code help} lists them. A command is one
 * {@link ConsoleCommand} entry: adding one is one {@link #add} call in {@link #forCar}.
 */
final class CommandTable {

    private final Map<String, ConsoleCommand> commands = new LinkedHashMap<>();

    /** Every command of the console car: driving, settings, status, then help and quit. */
    static CommandTable forCar(ConsoleCar car) {
        CommandTable table = new CommandTable();
        table.add(ConsoleCommand.of("status", "status", "one line of key=value pairs: connection, boot, settings,"
                + " driving state, odometer, key readings, trouble codes, messages", arguments -> {
                    arguments.expect(0, 0);
                    return StatusText.of(car);
                }));
        DrivingCommands.addTo(table, car);
        SettingsCommands.addTo(table, car);
        ServiceCommands.addTo(table, car);
        ManualCommands.addTo(table, car);
        UpdateCommands.addTo(table, car);
        MapCommands.addTo(table, car);
        table.add(ConsoleCommand.of("report", "report", "sends a Smart Service report of the state now and answers"
                + " once the broker acknowledged it (or says why it was held back or buffered)",
                arguments -> ReportCommand.run(car, arguments)));
        table.addHelpAndQuit();
        return table;
    }

    /**
     * Adds a command.
     *
     * @throws IllegalArgumentException when a command of that name is in the table already
     */
    void add(ConsoleCommand command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("the console has a command '" + command.name() + "' already");
        }
    }

    /** The command called {@code name} (any case). */
    Optional<ConsoleCommand> find(String name) {
        return Optional.ofNullable(commands.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The names, e.g. {@code status, start, stop}. */
    String names() {
        return String.join(", ", commands.keySet());
    }

    private void addHelpAndQuit() {
        add(ConsoleCommand.of("help", "help [COMMAND]", "lists the commands with their usage, or tells what one"
                + " command does", arguments -> {
                    arguments.expect(0, 1);
                    if (arguments.size() == 0) {
                        return commands.values().stream().map(ConsoleCommand::usage)
                                .collect(Collectors.joining("; ", "commands: ", " (help COMMAND says more)"));
                    }
                    ConsoleCommand command = find(arguments.word(0)).orElseThrow(() -> arguments.wrong(
                            "unknown command '" + arguments.word(0) + "'; commands: " + names()));
                    return command.usage() + ": " + command.help();
                }));
        add(new ConsoleCommand("quit", "quit", "stops the car (offline presence, clean disconnect) and ends the"
                + " console with exit code 0, as the end of the input does", arguments -> {
                    arguments.expect(0, 0);
                    return "";
                }, true));
    }
}
